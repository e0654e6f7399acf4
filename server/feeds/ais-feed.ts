// AIS into Quayside: text from any source (UDP, TCP, HTTP, a replayed log) through one
// decoder per source (multi-part messages and class B static parts are per sender),
// into vessel positions and the vessel registry, committed through the batched writer
// and pushed live. A receiver clock far off is caught like any feed's: such fixes are
// rejected, not stored.
import {
  AisStreamDecoder,
  toVesselPosition,
  toVesselStatic,
  type AisMessage,
} from '../ais/index.ts';
import type { VesselPosition, VesselStatic } from '../../protocol/vessel.ts';
import type { StoredEvent } from '../../protocol/events.ts';
import type { LivePosition } from '../../protocol/live.ts';
import type { BatchWriter } from '../ingest/batch-writer.ts';
import { parseWireTime } from '../ingest/wire-time.ts';
import { fromVessel } from '../live/live-positions.ts';

export interface AisIngestResult {
  sentences: number;
  messages: number;
  /** Sentences refused (bad checksum, malformed) and decoded fixes with impossible times. */
  rejected: number;
}

export interface AisFeedDeps {
  writer: BatchWriter;
  onCommitted(live: LivePosition[], source: string): void;
  /** Events derived from what was decoded (port calls), written in the same transaction. */
  derive?(positions: VesselPosition[], statics: VesselStatic[]): StoredEvent[];
}

const MAX_SOURCES = 1_000;

export class AisFeed {
  private readonly decoders = new Map<string, AisStreamDecoder>();

  constructor(private readonly deps: AisFeedDeps) {}

  private decoderFor(source: string): AisStreamDecoder {
    let decoder = this.decoders.get(source);
    if (decoder) {
      this.decoders.delete(source); // re-insert: the map's order is least recently used first
    } else {
      decoder = new AisStreamDecoder();
      if (this.decoders.size >= MAX_SOURCES)
        this.decoders.delete(this.decoders.keys().next().value!);
    }
    this.decoders.set(source, decoder);
    return decoder;
  }

  /** Decodes and stores text; resolves once what it yielded is committed. */
  async ingest(
    text: string,
    receivedAtMs: number,
    source: string,
    stream = false,
  ): Promise<AisIngestResult> {
    const decoder = this.decoderFor(source);
    const before = decoder.stats();
    const messages = stream
      ? decoder.feedChunk(text, receivedAtMs)
      : decoder.feedText(text, receivedAtMs);
    const after = decoder.stats();
    const { positions, statics, badTimes } = this.interpret(decoder, messages, Date.now());
    await this.deps.writer.write({
      equipment: [],
      vessels: positions,
      events: this.deps.derive?.(positions, statics) ?? [],
      vesselStatic: statics,
    });
    if (positions.length > 0) this.deps.onCommitted(positions.map(fromVessel), `ais:${source}`);
    return {
      sentences: after.sentences - before.sentences,
      messages: messages.length,
      rejected:
        after.badChecksum - before.badChecksum + (after.malformed - before.malformed) + badTimes,
    };
  }

  /** A stream source closed: decode a last unterminated line and forget its state. */
  async end(source: string): Promise<void> {
    const decoder = this.decoders.get(source);
    this.decoders.delete(source);
    if (!decoder) return;
    const { positions, statics } = this.interpret(decoder, decoder.end(Date.now()), Date.now());
    await this.deps.writer.write({
      equipment: [],
      vessels: positions,
      events: this.deps.derive?.(positions, statics) ?? [],
      vesselStatic: statics,
    });
  }

  private interpret(decoder: AisStreamDecoder, messages: AisMessage[], nowMs: number) {
    const positions: VesselPosition[] = [];
    const statics: VesselStatic[] = [];
    let badTimes = 0;
    for (const message of messages) {
      if (!parseWireTime(message.receivedAtMs, nowMs).ok) {
        badTimes += 1;
        continue;
      }
      const position = toVesselPosition(message);
      if (position) positions.push(position);
      const registry =
        message.type === 24
          ? decoder.classBStatic(message.mmsi) &&
            toVesselStatic(decoder.classBStatic(message.mmsi)!, message.receivedAtMs)
          : toVesselStatic(message);
      if (registry) statics.push(registry);
    }
    return { positions, statics, badTimes };
  }
}
