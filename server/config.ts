// The server's configuration, read once from the environment (README: Configuration).
import { resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Run the built-in simulator against this server. */
  simulate: boolean;
  ingestKey: string | undefined;
  portModelPath: string | undefined;
  mqttUrl: string | undefined;
  alertRulesPath: string | undefined;
  kpiDefinitionsPath: string | undefined;
  aisUdpPort: number | undefined;
  aisTcpPort: number | undefined;
  /** Days of raw time-series rows kept (TimescaleDB); undefined keeps everything. */
  retentionDays: number | undefined;
  logLevel: string;
  /** An online MapLibre style drawn under the port model; unset: nothing is fetched online. */
  basemapStyleUrl: string | undefined;
}

export class ConfigError extends Error {}

function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${value}"`);
  return port;
}

function parseDays(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 4)
    throw new ConfigError(`${name} must be a whole number of days, at least 4, got "${value}"`);
  return Number(value);
}

function parseSwitch(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|on|yes)$/i.test(value)) return true;
  if (/^(0|false|off|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be on or off, got "${value}"`);
}

function parseHttpUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw new ConfigError(`${name} must be an http:// or https:// URL, got "${value}"`);
  return url.href;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    host: env.HOST || '127.0.0.1',
    port: parsePort('PORT', env.PORT, 8080),
    databaseUrl,
    dataDir: resolve(env.DATA_DIR || './data'),
    // On by default only for the self-contained demo (embedded database).
    simulate: parseSwitch('QUAYSIDE_SIMULATE', env.QUAYSIDE_SIMULATE, databaseUrl === undefined),
    ingestKey: env.QUAYSIDE_INGEST_KEY || undefined,
    portModelPath: env.PORT_MODEL || undefined,
    mqttUrl: env.MQTT_URL || undefined,
    alertRulesPath: env.QUAYSIDE_ALERT_RULES || undefined,
    kpiDefinitionsPath: env.QUAYSIDE_KPI_DEFINITIONS || undefined,
    aisUdpPort: env.AIS_UDP_PORT ? parsePort('AIS_UDP_PORT', env.AIS_UDP_PORT, 0) : undefined,
    aisTcpPort: env.AIS_TCP_PORT ? parsePort('AIS_TCP_PORT', env.AIS_TCP_PORT, 0) : undefined,
    retentionDays: parseDays('QUAYSIDE_RETENTION_DAYS', env.QUAYSIDE_RETENTION_DAYS),
    logLevel: env.LOG_LEVEL || 'info',
    basemapStyleUrl: parseHttpUrl('BASEMAP_STYLE_URL', env.BASEMAP_STYLE_URL),
  };
}
