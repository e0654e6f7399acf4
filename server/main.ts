// `npm start`: open the database (embedded unless DATABASE_URL), build the app, listen,
// start the built-in simulator when asked, and shut everything down cleanly on
// SIGINT/SIGTERM: stop accepting, finish requests in flight, close the database.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openDatabase } from '../db/database.ts';
import { loadKpiChoices } from './kpi/kpi-choices.ts';
import { loadAlertRules } from './alerts/alert-rules.ts';
import { buildApp } from './app.ts';
import { ConfigError, readConfig } from './config.ts';
import { loadOrCreateIngestKey } from './ingest-key.ts';
import { loadPortModel, PortModelError } from './port-model/load-port-model.ts';
import { startSimulatorProcess, type SimulatorProcess } from './simulator-process.ts';

const CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));
const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino({ level: config.logLevel });
  const portModel = loadPortModel(config.portModelPath);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    retentionDays: config.retentionDays,
    onError: (error) => logger.warn({ err: error }, 'database connection lost'),
  });
  const key = loadOrCreateIngestKey(config.dataDir, config.ingestKey);
  const app = await buildApp({
    db,
    portModel,
    ingestKey: key.value,
    version,
    clientDir: CLIENT_DIR,
    logger,
    ...(config.mqttUrl ? { mqtt: { url: config.mqttUrl } } : {}),
    basemapStyleUrl: config.basemapStyleUrl,
    alertRules: loadAlertRules(config.alertRulesPath),
    kpiChoices: loadKpiChoices(config.kpiDefinitionsPath),
    ...(config.aisUdpPort !== undefined || config.aisTcpPort !== undefined
      ? { ais: { host: config.host, udpPort: config.aisUdpPort, tcpPort: config.aisTcpPort } }
      : {}),
  });
  const address = await app.listen({ host: config.host, port: config.port });
  const url = address.replace('[::1]', 'localhost');

  let simulator: SimulatorProcess | undefined;
  if (config.simulate) simulator = startSimulatorProcess({ target: url, key: key.value }, app.log);

  console.log(`\nQuayside ${version} is running at ${url}`);
  console.log(`  database: ${db.engine}${db.timescaledb ? ' + TimescaleDB' : ''}`);
  console.log(
    `  ingest key${key.generated ? ' (generated, kept in DATA_DIR)' : ''}: ${key.value}\n`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      console.error(`${signal} again: exiting without a clean shutdown`);
      process.exit(1);
    }
    closing = true;
    app.log.info(`${signal}: shutting down`);
    await simulator?.stop();
    await app.close();
    await db.close();
    app.log.info('shut down cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PortModelError) {
    console.error(`Quayside cannot start: ${error.message}`);
  } else {
    console.error('Quayside cannot start:', error);
  }
  process.exit(1);
});
