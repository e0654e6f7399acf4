import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bearerMatches, loadOrCreateIngestKey } from './ingest-key.ts';

const KEY = 'k3y-Value_0123';

describe('bearerMatches', () => {
  it.each([
    ['the right key', `Bearer ${KEY}`],
    ['a lowercase scheme', `bearer ${KEY}`],
    ['an uppercase scheme', `BEARER ${KEY}`],
    ['several spaces after the scheme', `Bearer    ${KEY}`],
    ['a tab after the scheme', `Bearer\t${KEY}`],
    ['trailing spaces', `Bearer ${KEY}   `],
  ])('accepts %s', (_label, header) => {
    expect(bearerMatches(header, KEY)).toBe(true);
  });

  it.each([
    ['a wrong key', 'Bearer not-the-key'],
    ['the key with one character more', `Bearer ${KEY}x`],
    ['a prefix of the key', `Bearer ${KEY.slice(0, -1)}`],
    ['a missing header', undefined],
    ['an empty header', ''],
    ['"Bearer" with no key', 'Bearer'],
    ['"Bearer " with no key', 'Bearer '],
    ['the key without a scheme', KEY],
    ['another scheme', `Basic ${KEY}`],
    ['no space after the scheme', `Bearer${KEY}`],
    ['two tokens', `Bearer ${KEY} extra`],
  ])('rejects %s', (_label, header) => {
    expect(bearerMatches(header, KEY)).toBe(false);
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Bearer x'])(
    'never matches an empty key (header %j)',
    (header) => {
      expect(bearerMatches(header, '')).toBe(false);
    },
  );
});

describe('loadOrCreateIngestKey', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'quayside-ingest-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('generates a key once, writes it under the data dir, and reports it as generated', () => {
    const dir = tempDir();
    const key = loadOrCreateIngestKey(dir, undefined);
    expect(key.generated).toBe(true);
    expect(key.value).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 random bytes, base64url
    expect(readFileSync(join(dir, 'ingest-key'), 'utf8')).toBe(`${key.value}\n`);
  });

  it('keeps the key file readable by its owner only', () => {
    const dir = tempDir();
    loadOrCreateIngestKey(dir, undefined);
    expect(statSync(join(dir, 'ingest-key')).mode & 0o777).toBe(0o600);
  });

  it('reuses the stored key on the next call', () => {
    const dir = tempDir();
    const first = loadOrCreateIngestKey(dir, undefined);
    const second = loadOrCreateIngestKey(dir, undefined);
    expect(second).toEqual({ value: first.value, generated: false });
  });

  it('creates a data dir that does not exist yet', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const key = loadOrCreateIngestKey(dir, undefined);
    expect(readFileSync(join(dir, 'ingest-key'), 'utf8').trim()).toBe(key.value);
  });

  it('trims the stored key, so a hand-edited file with a line end still works', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ingest-key'), '  hand-made-key \r\n');
    expect(loadOrCreateIngestKey(dir, undefined)).toEqual({
      value: 'hand-made-key',
      generated: false,
    });
  });

  it('gives different data dirs different keys', () => {
    expect(loadOrCreateIngestKey(tempDir(), undefined).value).not.toBe(
      loadOrCreateIngestKey(tempDir(), undefined).value,
    );
  });

  it('lets a configured key win over a stored one, and writes nothing', () => {
    const dir = tempDir();
    const stored = loadOrCreateIngestKey(dir, undefined);
    expect(loadOrCreateIngestKey(dir, 'configured-key')).toEqual({
      value: 'configured-key',
      generated: false,
    });
    expect(readFileSync(join(dir, 'ingest-key'), 'utf8').trim()).toBe(stored.value);
  });

  it('does not create a file when a key is configured', () => {
    const dir = tempDir();
    loadOrCreateIngestKey(dir, 'configured-key');
    expect(() => statSync(join(dir, 'ingest-key'))).toThrow();
  });

  it('treats an empty configured key as not configured', () => {
    const dir = tempDir();
    expect(loadOrCreateIngestKey(dir, '').generated).toBe(true);
  });
});
