// Per-item validation of logistics events: the schema of the event's own `type`, then
// the checks a schema cannot make: ISO 6346 and IMO check digits, and timestamps that
// are real instants (actuals at most minutes ahead; estimates and plans may look ahead).
import { Compile } from 'typebox/compile';
import {
  EVENT_SCHEMAS,
  EVENT_TYPES,
  isActualTimestamp,
  type EventType,
  type PortEvent,
  type StoredEvent,
} from '../../protocol/events.ts';
import { containerNumberProblem, imoNumberProblem } from '../../protocol/identifiers.ts';
import { describeSchemaErrors } from './schema-errors.ts';
import { reject, type Validation } from './validation.ts';
import { parseWireTime } from './wire-time.ts';

const checkers = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, Compile(EVENT_SCHEMAS[type])]),
) as { [T in EventType]: ReturnType<typeof Compile<(typeof EVENT_SCHEMAS)[T]>> };

function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as string[]).includes(value);
}

function identifierProblem(event: PortEvent): string | undefined {
  if ('containerNumber' in event && event.containerNumber !== undefined) {
    const problem = containerNumberProblem(event.containerNumber);
    if (problem) return problem;
  }
  if (event.type === 'port_call') return imoNumberProblem(event.vesselImo);
  return undefined;
}

function looksAhead(event: PortEvent): boolean {
  if (event.type === 'port_call') return !isActualTimestamp(event.timestamp);
  if (event.type === 'container') return (event.eventClassifierCode ?? 'ACT') !== 'ACT';
  return false;
}

export function validateEvent(item: unknown, nowMs: number): Validation<StoredEvent> {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return reject('schema', 'item must be an object');
  const type = (item as { type?: unknown }).type;
  if (!isEventType(type)) return reject('schema', `type must be one of ${EVENT_TYPES.join(', ')}`);
  const checker = checkers[type];
  if (!checker.Check(item))
    return reject('schema', describeSchemaErrors(checker.Errors(item), EVENT_SCHEMAS[type]));
  const event = item as PortEvent;
  const problem = identifierProblem(event);
  if (problem) return reject('identifier', problem);
  const time = parseWireTime(event.time, nowMs, looksAhead(event) ? 'estimate' : 'actual');
  if (!time.ok) return reject('time', time.reason);
  const { time: _wire, ...rest } = event; // time is replaced by timeMs
  return { ok: true, value: { ...rest, timeMs: time.ms } as StoredEvent };
}
