// Validates the items of one batch, whatever carried it (HTTP or MQTT), into what the
// writer stores and what the live channel pushes once it is committed.
import type { LivePosition } from '../../protocol/live.ts';
import { fromEquipment, fromVessel } from '../live/live-positions.ts';
import type { WriteBatch } from './batch-writer.ts';
import { validateEvent } from './validate-event.ts';
import { validateTelemetry } from './validate-telemetry.ts';
import type { Metrics } from '../metrics.ts';
import type { RejectionCode } from './validation.ts';

export type Endpoint = 'telemetry' | 'events';

export interface Rejection {
  index: number;
  reason: string;
  code: RejectionCode;
}

export interface ValidatedItems {
  batch: WriteBatch;
  /** Positions to push live after the commit. */
  live: LivePosition[];
  accepted: number;
  rejected: Rejection[];
}

/** `known` are rejections found earlier (unparsable NDJSON lines); those indexes are skipped. */
export function validateItems(
  endpoint: Endpoint,
  items: readonly unknown[],
  nowMs: number,
  known: Rejection[] = [],
): ValidatedItems {
  const result: ValidatedItems = {
    batch: { equipment: [], vessels: [], events: [] },
    live: [],
    accepted: 0,
    rejected: [...known],
  };
  const skip = new Set(known.map((r) => r.index));
  items.forEach((item, index) => {
    if (skip.has(index)) return;
    if (endpoint === 'events') {
      const checked = validateEvent(item, nowMs);
      if (!checked.ok) return void result.rejected.push({ index, ...checked });
      result.batch.events.push(checked.value);
    } else {
      const checked = validateTelemetry(item, nowMs);
      if (!checked.ok) return void result.rejected.push({ index, ...checked });
      if (checked.value.kind === 'equipment') {
        result.batch.equipment.push(checked.value.position);
        result.live.push(fromEquipment(checked.value.position));
      } else {
        result.batch.vessels.push(checked.value.position);
        result.live.push(fromVessel(checked.value.position));
      }
    }
    result.accepted += 1;
  });
  result.rejected.sort((a, b) => a.index - b.index);
  return result;
}

/** Counts a committed batch's items, the rejected ones by reason code. */
export function countOutcome(metrics: Metrics, endpoint: Endpoint, checked: ValidatedItems): void {
  for (const r of checked.rejected) metrics.itemsRejected.inc({ endpoint, reason: r.code });
  metrics.itemsAccepted.inc({ endpoint }, checked.accepted);
}
