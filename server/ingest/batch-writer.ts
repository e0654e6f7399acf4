// Coalesces what many ingest requests accepted into few, large transactions. Requests
// wait here until their items are committed (or the transaction fails, and then they
// are told so and nothing of theirs is acknowledged). The queue is bounded: when full,
// write() refuses at once, and the route answers 429 instead of growing memory.
import type pg from 'pg';
import type { StoredEvent } from '../../protocol/events.ts';
import type { EquipmentPosition } from '../../protocol/telemetry.ts';
import type { VesselPosition, VesselStatic } from '../../protocol/vessel.ts';
import { staticFromEvents, upsertVesselStatic } from '../storage/vessel-rows.ts';
import type { Metrics } from '../metrics.ts';
import { insertEvents } from '../storage/event-rows.ts';
import {
  insertEquipmentPositions,
  insertVesselPositions,
  sightings,
  upsertEquipment,
} from '../storage/position-rows.ts';

export interface WriteBatch {
  equipment: EquipmentPosition[];
  vessels: VesselPosition[];
  events: StoredEvent[];
  /** Vessel registry reports (AIS static data); port-call events add to it too. */
  vesselStatic?: VesselStatic[];
}

export class QueueFullError extends Error {
  constructor(readonly queuedItems: number) {
    super(`ingest queue is full (${queuedItems} items waiting)`);
  }
}

interface Pending {
  batch: WriteBatch;
  size: number;
  resolve(): void;
  reject(error: unknown): void;
}

export interface BatchWriterOptions {
  maxQueuedItems?: number;
  maxItemsPerTransaction?: number;
  metrics?: Metrics;
  /** Told after each commit which events were new (each event once, never a resend). */
  onEventsCommitted?: (events: StoredEvent[]) => void;
}

const sizeOf = (batch: WriteBatch) =>
  batch.equipment.length +
  batch.vessels.length +
  batch.events.length +
  (batch.vesselStatic?.length ?? 0);

export class BatchWriter {
  private readonly queue: Pending[] = [];
  /** Items held here: waiting, or in the transaction being written. */
  private held = 0;
  private writing: Promise<void> | undefined;
  private readonly maxQueuedItems: number;
  private readonly maxItemsPerTransaction: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: BatchWriterOptions = {},
  ) {
    this.maxQueuedItems = options.maxQueuedItems ?? 200_000;
    this.maxItemsPerTransaction = options.maxItemsPerTransaction ?? 20_000;
  }

  get queuedItems(): number {
    return this.held;
  }

  /** Resolves once the batch is committed; throws QueueFullError at once when full. */
  write(batch: WriteBatch): Promise<void> {
    const size = sizeOf(batch);
    if (size === 0) return Promise.resolve();
    // An idle writer takes any one batch, however large; a busy one only up to the bound.
    if (this.held > 0 && this.held + size > this.maxQueuedItems)
      throw new QueueFullError(this.held);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ batch, size, resolve, reject });
      this.held += size;
      this.options.metrics?.queueDepth.set(this.held);
      this.writing ??= this.pump();
    });
  }

  /** Waits until everything queued so far is written (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const taken: Pending[] = [];
        let items = 0;
        while (
          this.queue.length > 0 &&
          (taken.length === 0 || items + this.queue[0]!.size <= this.maxItemsPerTransaction)
        ) {
          const next = this.queue.shift()!;
          taken.push(next);
          items += next.size;
        }
        try {
          await this.commit(
            taken.map((p) => p.batch),
            items,
          );
          for (const p of taken) p.resolve();
        } catch (error) {
          this.options.metrics?.databaseErrors.inc({ operation: 'ingest_write' });
          for (const p of taken) p.reject(error);
        } finally {
          this.held -= items;
          this.options.metrics?.queueDepth.set(this.held);
        }
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async commit(batches: WriteBatch[], items: number): Promise<void> {
    const stop = this.options.metrics?.writeLatency.startTimer();
    const equipment = batches.flatMap((b) => b.equipment);
    const vessels = batches.flatMap((b) => b.vessels);
    const events = batches.flatMap((b) => b.events);
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await upsertEquipment(
        client,
        sightings(equipment.map((p) => ({ id: p.equipmentId, kind: p.kind, timeMs: p.timeMs }))),
      );
      await insertEquipmentPositions(client, equipment);
      await insertVesselPositions(client, vessels);
      const fresh = await insertEvents(client, events);
      await upsertVesselStatic(client, [
        ...batches.flatMap((b) => b.vesselStatic ?? []),
        ...staticFromEvents(events),
      ]);
      await client.query('COMMIT');
      if (fresh.length > 0) this.options.onEventsCommitted?.(fresh);
      this.options.metrics?.writeRows.observe(items);
    } catch (error) {
      // A connection that failed mid-transaction is discarded, not returned to the pool.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
      stop?.();
    }
  }
}
