// MQTT ingest (MQTT_URL): the same items and validation as the HTTP routes, from a
// broker. Topics (QoS 1):
//   quayside/v1/telemetry/<source>   TelemetryItem | VesselPositionItem, or an array of them
//   quayside/v1/events/<source>      PortEvent, or an array of them
// The last level names the feed. A message is acknowledged (PUBACK) only once its valid
// items are committed. When the database fails, the message stays unacknowledged and the
// connection is dropped; the persistent session (fixed client id, clean: false) makes the
// broker deliver it again after the reconnect. Rejected items cannot succeed by
// retrying: they are acknowledged, counted, and described on quayside/v1/rejected/<source>.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Metrics } from '../metrics.ts';
import type { LivePosition } from '../../protocol/live.ts';
import type { BatchWriter } from './batch-writer.ts';
import {
  countOutcome,
  validateItems,
  type Endpoint,
  type ValidatedItems,
} from './validate-items.ts';

export const MQTT_TOPICS = {
  telemetry: 'quayside/v1/telemetry/+',
  events: 'quayside/v1/events/+',
  rejected: (source: string) => `quayside/v1/rejected/${source}`,
} as const;

export interface MqttIngestOptions {
  url: string;
  clientId?: string;
  writer: BatchWriter;
  metrics: Metrics;
  /** Runs once a message's items are committed: pushes their positions live, notes the feed. */
  onCommitted(live: LivePosition[], source: string): void;
  log: { info(msg: string): void; warn(obj: object, msg: string): void };
  retryAfterMs?: number;
}

/** The endpoint a topic feeds and the source it names, or undefined for other topics. */
function route(topic: string): { endpoint: Endpoint; source: string } | undefined {
  const [root, version, family, source] = topic.split('/');
  if (root !== 'quayside' || version !== 'v1' || !source) return undefined;
  if (family !== 'telemetry' && family !== 'events') return undefined;
  return { endpoint: family, source };
}

function parsePayload(endpoint: Endpoint, payload: Buffer, nowMs: number): ValidatedItems {
  try {
    const body: unknown = JSON.parse(payload.toString('utf8'));
    return validateItems(endpoint, Array.isArray(body) ? body : [body], nowMs);
  } catch {
    return validateItems(endpoint, [undefined], nowMs, [
      { index: 0, reason: 'payload is not valid JSON', code: 'malformed' },
    ]);
  }
}

export interface MqttIngest {
  client: MqttClient;
  stop(): Promise<void>;
}

export function startMqttIngest(options: MqttIngestOptions): MqttIngest {
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  const connectOptions: IClientOptions = {
    clientId: options.clientId ?? 'quayside-ingest',
    clean: false, // a persistent session: unacknowledged messages come again
    reconnectPeriod: retryAfterMs,
    connectTimeout: 10_000,
  };
  const client = mqtt.connect(options.url, connectOptions);
  let stopping = false;

  client.on('connect', (connack) => {
    options.log.info(`MQTT ingest connected to ${options.url}`);
    if (!connack.sessionPresent)
      client.subscribe([MQTT_TOPICS.telemetry, MQTT_TOPICS.events], { qos: 1 });
  });
  client.on('error', (error) => options.log.warn({ err: error }, 'MQTT ingest error'));

  // mqtt.js sends the PUBACK when this callback is called: after the commit.
  client.handleMessage = (packet, done) => {
    const target = packet.cmd === 'publish' ? route(packet.topic) : undefined;
    if (packet.cmd !== 'publish' || !target) return done();
    const { endpoint, source } = target;
    const checked = parsePayload(endpoint, packet.payload as Buffer, Date.now());
    options.writer.write(checked.batch).then(
      () => {
        countOutcome(options.metrics, endpoint, checked);
        if (checked.rejected.length > 0)
          client.publish(
            MQTT_TOPICS.rejected(source),
            JSON.stringify({
              topic: packet.topic,
              rejected: checked.rejected.map(({ index, reason }) => ({ index, reason })),
            }),
            { qos: 1 },
          );
        options.onCommitted(checked.live, `mqtt:${source}`);
        done();
      },
      (error: unknown) => {
        // Not acknowledged: drop the connection so the broker redelivers after reconnecting.
        options.log.warn({ err: error }, 'MQTT message not stored; it will be delivered again');
        options.metrics.requestsRefused.inc({ endpoint, status: 503 });
        if (stopping) return;
        client.end(true, {}, () => {
          setTimeout(() => !stopping && client.reconnect(), retryAfterMs);
        });
      },
    );
  };

  return {
    client,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        client.end(false, {}, () => resolve());
      }),
  };
}
