// The simulator's outputs over MQTT (`--mqtt URL`), as equipment on a terminal network
// would send them: events and positions on the server's topics, QoS 1, in order. Ships'
// AIS static reports still go by HTTP, the way a shore receiver's NMEA does (MQTT carries
// no AIS here). While the broker is away the client holds what is published; positions
// are perishable, so beyond a backlog of outputs only events are kept.
import type { MqttPublisher } from './mqtt-publisher.ts';
import type { LiveFeed } from './run-modes.ts';
import type { SimulationOutput } from './simulation.ts';

/** Outputs (seconds of simulated port) waiting for the broker before positions are dropped. */
const MAX_BACKLOG = 30;

export class MqttFeed implements LiveFeed {
  private chain: Promise<void> = Promise.resolve();
  private waiting = 0;
  private droppedSinceReport = 0;

  constructor(
    private readonly publisher: MqttPublisher,
    /** Where the AIS static reports go (the HTTP client's AIS channel). */
    private readonly statics: Pick<LiveFeed, 'enqueue'>,
    private readonly log: (message: string) => void,
  ) {}

  enqueue(output: SimulationOutput): void {
    this.statics.enqueue({ ...output, events: [], positions: [] });
    const positions = this.waiting >= MAX_BACKLOG ? [] : output.positions;
    this.droppedSinceReport += output.positions.length - positions.length;
    this.waiting += 1;
    this.chain = this.chain
      .then(async () => {
        await this.publisher.publish('events', output.events);
        await this.publisher.publish('telemetry', positions);
        if (this.droppedSinceReport > 0 && this.waiting <= 1) {
          this.log(`${this.droppedSinceReport} stale fixes were dropped while the broker was away`);
          this.droppedSinceReport = 0;
        }
      })
      .catch((error: unknown) => this.log(`MQTT publish failed: ${(error as Error).message}`))
      .finally(() => (this.waiting -= 1));
  }

  /** Resolves once everything enqueued has been published (acknowledged by the broker). */
  idle(): Promise<void> {
    return this.chain;
  }
}
