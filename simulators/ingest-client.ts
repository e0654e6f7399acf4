// The simulator's side of the public ingest API: logistics events to POST /api/v1/events,
// positions to POST /api/v1/telemetry and ships' AIS static reports as NMEA to
// POST /api/v1/ais, each route a channel of its own so positions never wait behind events. Events are never dropped: they are sent again until the
// server takes them, in order. Positions are perishable in real time: while the server
// cannot be reached only the newest are kept. A backfill keeps everything.
import type { PortEvent } from '../protocol/events.ts';
import { staticReportLines } from './ais/static-sentences.ts';
import { IngestChannel, type ChannelFormat } from './ingest-channel.ts';
import type { SimulationOutput } from './simulation.ts';
import type { PositionItem } from './telemetry/position-reporter.ts';

/** Real time: fixes older than this many are worth less than the newest ones. */
const MAX_PENDING_FIXES = 20_000;

/** Each item is the sentences of one AIS message; the route answers in sentences and messages. */
const NMEA_LINES: ChannelFormat<string[]> = {
  contentType: 'text/plain',
  encode: (batch) => `${batch.flat().join('\r\n')}\r\n`,
  read: (reply) => {
    const { messages, rejected } = reply as { messages: number; rejected: number };
    return {
      accepted: messages,
      rejected: Array.from({ length: rejected }, () => ({ reason: 'a sentence did not decode' })),
    };
  },
};

export interface IngestClientOptions {
  target: string;
  key: string;
  log: (message: string) => void;
  /** Real time drops stale fixes while the server is away; a backfill keeps all. */
  dropStalePositions: boolean;
  onFatal: (message: string) => void;
}

export class IngestClient {
  readonly events: IngestChannel<PortEvent>;
  readonly positions: IngestChannel<PositionItem>;
  readonly ais: IngestChannel<string[]>;
  private aisSequence = 0;

  constructor(options: IngestClientOptions) {
    const common = {
      target: options.target,
      key: options.key,
      log: options.log,
      onFatal: options.onFatal,
    };
    this.events = new IngestChannel({ ...common, path: '/api/v1/events', batchSize: 2_000 });
    this.positions = new IngestChannel({
      ...common,
      path: '/api/v1/telemetry',
      batchSize: 5_000,
      maxPending: options.dropStalePositions ? MAX_PENDING_FIXES : undefined,
    });
    this.ais = new IngestChannel({
      ...common,
      path: '/api/v1/ais',
      batchSize: 500,
      format: NMEA_LINES,
    });
  }

  enqueue(output: SimulationOutput): void {
    this.events.enqueue(output.events);
    this.positions.enqueue(output.positions);
    this.ais.enqueue(
      output.vesselStatics.map((report) => staticReportLines(report, this.aisSequence++ % 10)),
    );
  }

  private get channels() {
    return [this.events, this.positions, this.ais];
  }

  get backlog(): number {
    return this.channels.reduce((sum, c) => sum + c.backlog, 0);
  }

  /** Resolves once no more than about `limit` items of each kind are waiting. */
  async room(limit: number): Promise<void> {
    await Promise.all(this.channels.map((c) => c.room(limit)));
  }

  /** Resolves once everything enqueued has been taken by the server. */
  async flushed(): Promise<void> {
    await Promise.all(this.channels.map((c) => c.idle()));
  }
}
