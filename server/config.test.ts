import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('gives the defaults for an empty environment', () => {
    expect(readConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: undefined,
      dataDir: resolve('./data'),
      simulate: true,
      ingestKey: undefined,
      portModelPath: undefined,
      logLevel: 'info',
    });
  });

  it('reads every variable it knows', () => {
    expect(
      readConfig({
        HOST: '0.0.0.0',
        PORT: '9000',
        DATABASE_URL: 'postgres://db/quayside',
        DATA_DIR: '/var/lib/quayside',
        QUAYSIDE_SIMULATE: 'on',
        QUAYSIDE_INGEST_KEY: 'secret',
        PORT_MODEL: '/etc/quayside/port.geojson',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 9000,
      databaseUrl: 'postgres://db/quayside',
      dataDir: '/var/lib/quayside',
      simulate: true,
      ingestKey: 'secret',
      portModelPath: '/etc/quayside/port.geojson',
      logLevel: 'debug',
    });
  });

  it('treats empty strings as unset', () => {
    const config = readConfig({
      HOST: '',
      PORT: '',
      DATABASE_URL: '',
      DATA_DIR: '',
      QUAYSIDE_SIMULATE: '',
      QUAYSIDE_INGEST_KEY: '',
      PORT_MODEL: '',
      LOG_LEVEL: '',
    });
    expect(config).toEqual(readConfig({}));
  });

  it('resolves a relative DATA_DIR against the working directory', () => {
    expect(readConfig({ DATA_DIR: 'state/here' }).dataDir).toBe(resolve('state/here'));
  });

  it.each([
    ['0', 0],
    ['80', 80],
    ['65535', 65_535],
  ])('accepts PORT=%s', (value, port) => {
    expect(readConfig({ PORT: value }).port).toBe(port);
  });

  it.each(['65536', '-1', '80.5', 'http', '8080abc'])(
    'rejects PORT=%s with a ConfigError quoting the value',
    (value) => {
      expect(() => readConfig({ PORT: value })).toThrow(ConfigError);
      expect(() => readConfig({ PORT: value })).toThrow(
        `PORT must be a port number from 0 to 65535, got "${value}"`,
      );
    },
  );

  describe('QUAYSIDE_SIMULATE', () => {
    it('is on by default without DATABASE_URL (the self-contained demo)', () => {
      expect(readConfig({}).simulate).toBe(true);
    });

    it('is off by default with DATABASE_URL', () => {
      expect(readConfig({ DATABASE_URL: 'postgres://db/quayside' }).simulate).toBe(false);
    });

    it.each(['1', 'true', 'on', 'yes', 'TRUE', 'On', 'YES'])('reads %s as on', (value) => {
      expect(readConfig({ QUAYSIDE_SIMULATE: value, DATABASE_URL: 'postgres://db' }).simulate).toBe(
        true,
      );
    });

    it.each(['0', 'false', 'off', 'no', 'FALSE', 'Off', 'NO'])('reads %s as off', (value) => {
      expect(readConfig({ QUAYSIDE_SIMULATE: value }).simulate).toBe(false);
    });

    it.each(['maybe', '2', 'enabled', ' on'])(
      'rejects %j with a ConfigError quoting the value',
      (value) => {
        expect(() => readConfig({ QUAYSIDE_SIMULATE: value })).toThrow(ConfigError);
        expect(() => readConfig({ QUAYSIDE_SIMULATE: value })).toThrow(
          `QUAYSIDE_SIMULATE must be on or off, got "${value}"`,
        );
      },
    );
  });

  it('makes ConfigError an Error', () => {
    expect(new ConfigError('x')).toBeInstanceOf(Error);
  });
});

describe('PORT must be written as a plain number', () => {
  it.each([' ', '0x50', '1e3', '-0', '80.0', '65536'])('refuses PORT=%j', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(ConfigError);
  });
});

describe('QUAYSIDE_RETENTION_DAYS', () => {
  it('is unset by default: keep everything', () => {
    expect(readConfig({}).retentionDays).toBeUndefined();
  });
  it('takes whole days', () => {
    expect(readConfig({ QUAYSIDE_RETENTION_DAYS: '90' }).retentionDays).toBe(90);
  });
  it.each(['3', '1.5', 'forever', '-7'])('refuses %j', (days) => {
    expect(() => readConfig({ QUAYSIDE_RETENTION_DAYS: days })).toThrow(/at least 4/);
  });
});

describe('BASEMAP_STYLE_URL', () => {
  it('is unset by default: nothing is fetched from the internet', () => {
    expect(readConfig({}).basemapStyleUrl).toBeUndefined();
    expect(readConfig({ BASEMAP_STYLE_URL: '' }).basemapStyleUrl).toBeUndefined();
  });
  it.each([
    'https://tiles.example.com/styles/liberty/style.json',
    'http://10.0.0.5:8080/style.json?key=abc',
  ])('takes the http(s) URL %s', (url) => {
    expect(readConfig({ BASEMAP_STYLE_URL: url }).basemapStyleUrl).toBe(url);
  });
  it.each([
    'tiles.example.com/style.json',
    'ftp://example.com/style.json',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://',
    '/style.json',
  ])('refuses %j with a ConfigError naming the variable', (url) => {
    expect(() => readConfig({ BASEMAP_STYLE_URL: url })).toThrow(ConfigError);
    expect(() => readConfig({ BASEMAP_STYLE_URL: url })).toThrow(
      `BASEMAP_STYLE_URL must be an http:// or https:// URL, got "${url}"`,
    );
  });
});
