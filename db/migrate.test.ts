import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate.ts';

const REAL_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

describe('loadMigrations on db/migrations', () => {
  const migrations = loadMigrations();

  it('loads the default directory, the same as naming it', () => {
    expect(migrations).toEqual(loadMigrations(REAL_DIR));
  });

  it('starts at version 1 and ascends strictly', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it('accounts for every file in the directory', () => {
    const files = readdirSync(REAL_DIR);
    const timescaleCount = migrations.filter((m) => m.timescaleSql !== undefined).length;
    expect(migrations.length + timescaleCount).toBe(files.length);
  });

  it('pairs 0001 with its TimescaleDB companion', () => {
    const first = migrations[0]!;
    expect(first.name).toBe('equipment_positions');
    expect(first.sql).toBe(readFileSync(join(REAL_DIR, '0001_equipment_positions.sql'), 'utf8'));
    expect(first.timescaleSql).toBe(
      readFileSync(join(REAL_DIR, '0001_equipment_positions.timescaledb.sql'), 'utf8'),
    );
  });

  it('gives each migration a stable checksum of its base and TimescaleDB SQL', () => {
    const again = loadMigrations();
    for (const [i, m] of migrations.entries()) {
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(m.checksum).toBe(sha256(m.sql, m.timescaleSql ?? ''));
      expect(again[i]!.checksum).toBe(m.checksum);
    }
  });
});

describe('loadMigrations on a given directory', () => {
  const dirs: string[] = [];
  const dirWith = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'quayside-migrations-'));
    dirs.push(dir);
    for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('gives an empty directory no migrations', () => {
    expect(loadMigrations(dirWith({}))).toEqual([]);
  });

  it('orders by version number and pairs each base with its TimescaleDB file', () => {
    const dir = dirWith({
      '0010_later.sql': 'SELECT 10;',
      '0002_second.timescaledb.sql': 'SELECT 2.5;',
      '0002_second.sql': 'SELECT 2;',
      '0001_first.sql': 'SELECT 1;',
    });
    expect(loadMigrations(dir)).toEqual([
      {
        version: 1,
        name: 'first',
        sql: 'SELECT 1;',
        timescaleSql: undefined,
        checksum: sha256('SELECT 1;'),
      },
      {
        version: 2,
        name: 'second',
        sql: 'SELECT 2;',
        timescaleSql: 'SELECT 2.5;',
        checksum: sha256('SELECT 2;', 'SELECT 2.5;'),
      },
      {
        version: 10,
        name: 'later',
        sql: 'SELECT 10;',
        timescaleSql: undefined,
        checksum: sha256('SELECT 10;'),
      },
    ]);
  });

  it('changes the checksum when the TimescaleDB file changes', () => {
    const before = loadMigrations(dirWith({ '0001_a.sql': 'x', '0001_a.timescaledb.sql': 'y' }));
    const after = loadMigrations(dirWith({ '0001_a.sql': 'x', '0001_a.timescaledb.sql': 'z' }));
    expect(after[0]!.checksum).not.toBe(before[0]!.checksum);
  });

  it.each([
    'README.md',
    '1_short.sql',
    '0001-dash.sql',
    '0001_Upper.sql',
    '0001_name.SQL',
    '0001_name.postgres.sql',
    '0001_.sql',
  ])('throws on the unexpected file name %s', (name) => {
    const dir = dirWith({ '0001_ok.sql': 'SELECT 1;', [name]: '' });
    expect(() => loadMigrations(dir)).toThrow(`db/migrations: unexpected file name ${name}`);
  });

  it('throws on a TimescaleDB file without its base', () => {
    const dir = dirWith({ '0001_ok.sql': 'SELECT 1;', '0002_orphan.timescaledb.sql': 'SELECT 2;' });
    expect(() => loadMigrations(dir)).toThrow('db/migrations: 2 has no base .sql');
  });

  it('throws on two names for one version', () => {
    const dir = dirWith({ '0001_one.sql': 'SELECT 1;', '0001_other.sql': 'SELECT 1;' });
    expect(() => loadMigrations(dir)).toThrow('db/migrations: two names for version 0001');
  });

  it('throws on a TimescaleDB file named differently from its base', () => {
    const dir = dirWith({ '0001_one.sql': 'SELECT 1;', '0001_two.timescaledb.sql': 'SELECT 1;' });
    expect(() => loadMigrations(dir)).toThrow('db/migrations: two names for version 0001');
  });
});
