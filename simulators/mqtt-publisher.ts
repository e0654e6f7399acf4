// The simulator's other way in: MQTT, as equipment on a terminal's network would send,
// on the topics the server subscribes to (quayside/v1/telemetry/<source>,
// quayside/v1/events/<source>), QoS 1. A publish resolves when the broker has it
// (PUBACK); the server acknowledges its own copy only after committing it.
import mqtt, { type MqttClient } from 'mqtt';

export type Family = 'telemetry' | 'events';

const MAX_ITEMS_PER_MESSAGE = 1_000;

export class MqttPublisher {
  private constructor(
    private readonly client: MqttClient,
    private readonly source: string,
  ) {}

  static async connect(url: string, source: string): Promise<MqttPublisher> {
    const client = await mqtt.connectAsync(url, {
      clientId: `quayside-simulator-${source}-${process.pid}`,
      reconnectPeriod: 2_000,
    });
    return new MqttPublisher(client, source);
  }

  topic(family: Family): string {
    return `quayside/v1/${family}/${this.source}`;
  }

  /** Publishes items as JSON arrays of at most 1,000, each acknowledged by the broker. */
  async publish(family: Family, items: readonly unknown[]): Promise<void> {
    for (let i = 0; i < items.length; i += MAX_ITEMS_PER_MESSAGE)
      await this.client.publishAsync(
        this.topic(family),
        JSON.stringify(items.slice(i, i + MAX_ITEMS_PER_MESSAGE)),
        {
          qos: 1,
        },
      );
  }

  close(): Promise<void> {
    return this.client.endAsync();
  }
}
