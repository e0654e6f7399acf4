// What the server checks of an event, from the shared protocol: the schema of its type,
// the check digits of container and IMO numbers, a 9-digit MMSI, and time: actual events
// may not lie ahead of the moment they are sent (estimates and plans may).
import { Compile } from 'typebox/compile';
import {
  EVENT_SCHEMAS,
  EVENT_TYPES,
  isActualTimestamp,
  type EventType,
  type PortEvent,
} from '../../protocol/events.ts';
import {
  containerNumberProblem,
  imoNumberProblem,
  mmsiProblem,
} from '../../protocol/identifiers.ts';

const checkers = new Map(
  EVENT_TYPES.map((type: EventType) => [type as string, Compile(EVENT_SCHEMAS[type])]),
);

const isActual = (event: PortEvent) =>
  event.type === 'port_call'
    ? isActualTimestamp(event.timestamp)
    : event.type !== 'container' || (event.eventClassifierCode ?? 'ACT') === 'ACT';

/** Why the server would reject the event when it is sent at `sentAtMs`, if it would. */
export function eventProblem(event: PortEvent, sentAtMs: number): string | undefined {
  const type: string = event.type;
  const checker = checkers.get(type);
  if (!checker) return `unknown event type ${type}`;
  if (!checker.Check(event)) {
    const errors = [...checker.Errors(event)].slice(0, 3);
    return `not a valid ${type} event: ${errors.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`;
  }
  if ('containerNumber' in event && event.containerNumber !== undefined) {
    const problem = containerNumberProblem(event.containerNumber);
    if (problem) return problem;
  }
  if (event.type === 'port_call') {
    const problem =
      imoNumberProblem(event.vesselImo) ?? (event.mmsi ? mmsiProblem(event.mmsi) : undefined);
    if (problem) return problem;
  }
  if (typeof event.time !== 'number' || !Number.isInteger(event.time))
    return `time ${String(event.time)} is not whole epoch milliseconds`;
  if (isActual(event) && event.time > sentAtMs)
    return `an actual event at ${event.time} sent before it happened (${sentAtMs})`;
  return undefined;
}
