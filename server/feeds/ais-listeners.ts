// Starts the AIS listeners the configuration asks for and feeds what they receive to the
// AIS feed. UDP has no way to ask a sender again: what arrives while the database is
// down is lost, as with any broadcast receiver; it is logged and counted.
import type { FastifyBaseLogger } from 'fastify';
import type { AisFeed } from './ais-feed.ts';
import { listenTcp, listenUdp, type Listener, type TextHandler } from './nmea-listeners.ts';

export async function startAisListeners(
  config: { host: string; udpPort?: number; tcpPort?: number } | undefined,
  feed: AisFeed,
  log: FastifyBaseLogger,
): Promise<(Listener & { protocol: 'udp' | 'tcp' })[]> {
  if (!config) return [];
  const report = (error: unknown) => log.warn({ err: error }, 'AIS data not stored');
  const handler: TextHandler = {
    text: (text, at, source, stream) => void feed.ingest(text, at, source, stream).catch(report),
    end: (source) => void feed.end(source).catch(report),
  };
  const listeners: (Listener & { protocol: 'udp' | 'tcp' })[] = [];
  if (config.udpPort !== undefined)
    listeners.push({ ...(await listenUdp(config.udpPort, config.host, handler)), protocol: 'udp' });
  if (config.tcpPort !== undefined)
    listeners.push({ ...(await listenTcp(config.tcpPort, config.host, handler)), protocol: 'tcp' });
  for (const l of listeners) log.info(`AIS ${l.protocol} listener on ${config.host}:${l.port}`);
  return listeners;
}
