// Random event streams for property tests: random lifecycles (a box from arrival through
// the yard and customs to departure, a call from arrival to departure with its cranes, a
// truck visit, an inspection, a machine's states), each cut off at a random point, over a
// tiny port, so every KPI gets values and the stories run into each other (two calls at
// one berth, a crane failing while allocated, a box picked twice).
import fc from 'fast-check';
import { CONTAINER_FLOWS, type StoredEvent } from '../../../protocol/events.ts';
import { EQUIPMENT_STATES } from '../../../protocol/equipment.ts';
import { min } from './events.ts';

type Body = Record<string, unknown> & { type: StoredEvent['type'] };
/** One story: its events in order, each after a gap in minutes. */
type Story = { gapMinutes: number; body: Body }[];

const gap = fc.integer({ min: 0, max: 30 });
const step = (body: fc.Arbitrary<Body>) => fc.record({ gapMinutes: gap, body });
const stepOf = (body: Body) => step(fc.constant(body));
/** Omits undefined fields, as ingest leaves optional fields absent. */
const defined = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Body;

const callIds = fc.constantFrom('C1', 'C2', 'C3');
const cranes = fc.constantFrom('QC1', 'QC2', 'QC3');
const blocks = fc.constantFrom('Y1', 'Y2', 'Y9', undefined);

const boxStory = (number: string): fc.Arbitrary<Story> =>
  fc
    .record({
      arrival: fc.constantFrom('DISC' as const, 'GTIN' as const),
      flow: fc.option(fc.constantFrom(...CONTAINER_FLOWS), { nil: undefined }),
      iso: fc.constantFrom('22G1', '45G1', 'L5G1', undefined),
      callId: callIds,
      crane: cranes,
      channel: fc.constantFrom('green' as const, 'yellow' as const, 'red' as const),
      departure: fc.constantFrom('GTOT' as const, 'LOAD' as const),
      blocks: fc.array(blocks, { maxLength: 3 }),
    })
    .chain((b) => {
      const container = (code: string, extra: Record<string, unknown> = {}) =>
        stepOf(
          defined({
            type: 'container',
            eventTypeCode: code,
            containerNumber: number,
            flow: b.flow,
            isoEquipmentCode: b.iso,
            ...extra,
          }),
        );
      const atCrane = { callId: b.callId, equipmentId: b.crane };
      const customs = (status: string) =>
        stepOf({
          type: 'customs',
          declarationId: `D${number}`,
          containerNumber: number,
          status,
          channel: b.channel,
          aeo: false,
        });
      return fc.tuple(
        container(b.arrival, b.arrival === 'DISC' ? atCrane : {}),
        customs('declared'),
        ...b.blocks.flatMap((facilityId) => [
          container('DROP', defined({ facilityId })),
          container('PICK'),
        ]),
        customs('released'),
        container('CUSR'),
        container(b.departure, b.departure === 'LOAD' ? atCrane : {}),
      );
    });

const callStory: fc.Arbitrary<Story> = fc
  .record({
    callId: callIds,
    berthId: fc.constantFrom('B1', 'B2', 'B3'),
    crane: cranes,
    moves: fc.integer({ min: 0, max: 6 }),
    fault: fc.boolean(),
  })
  .chain((c) => {
    const timestamp = (code: string, berthId?: string) =>
      stepOf(
        defined({
          type: 'port_call',
          callId: c.callId,
          timestamp: code,
          vesselImo: '9074729',
          berthId,
        }),
      );
    const crane = (state: string, callId?: string) =>
      stepOf(
        defined({ type: 'equipment_state', equipmentId: c.crane, kind: 'sts', state, callId }),
      );
    const move = (i: number) =>
      stepOf({
        type: 'container',
        eventTypeCode: i % 2 ? 'LOAD' : 'DISC',
        containerNumber: `M${c.callId}${i}`,
        callId: c.callId,
        equipmentId: c.crane,
      });
    return fc.tuple(
      timestamp('ETA-Berth', c.berthId),
      timestamp('ATA-PBP'),
      timestamp('ATA-Anchorage'),
      timestamp('ATD-Anchorage'),
      timestamp('ATA-Berth', c.berthId),
      crane('working', c.callId),
      ...Array.from({ length: c.moves }, (_, i) => move(i)),
      ...(c.fault ? [crane('fault', c.callId), crane('working', c.callId)] : []),
      crane('waiting', c.callId),
      crane('idle'),
      timestamp('ATD-Berth'),
    );
  });

const visitStory = (visitId: string): fc.Arbitrary<Story> =>
  fc
    .record({
      inLane: fc.constantFrom('G-in-01', 'G-in-02'),
      outLane: fc.constantFrom('G-out-01', 'G-out-02'),
    })
    .chain((v) => {
      const gate = (direction: string, phase: string) =>
        stepOf({
          type: 'gate',
          gateId: 'G',
          laneId: direction === 'in' ? v.inLane : v.outLane,
          direction,
          phase,
          visitId,
          truckId: 'T',
        });
      return fc.tuple(
        gate('in', 'arrived'),
        gate('in', 'completed'),
        gate('out', 'arrived'),
        gate('out', 'completed'),
      );
    });

const inspectionStory = (number: string): fc.Arbitrary<Story> =>
  fc.constantFrom('X1', 'X2', 'X3').chain((laneId) => {
    const phase = (p: string) =>
      stepOf({ type: 'inspection', laneId, containerNumber: number, method: 'scan', phase: p });
    return fc.tuple(phase('queued'), phase('started'), phase('completed'));
  });

const machineStory: fc.Arbitrary<Story> = fc
  .record({
    machine: fc.constantFrom(
      { equipmentId: 'T1', kind: 'truck' },
      { equipmentId: 'A1', kind: 'agv' },
      { equipmentId: 'QC1', kind: 'sts' },
    ),
    states: fc.array(fc.constantFrom(...EQUIPMENT_STATES), { minLength: 1, maxLength: 6 }),
    callId: fc.option(callIds, { nil: undefined }),
  })
  .chain((m) =>
    fc.tuple(
      ...m.states.map((state) =>
        stepOf(defined({ type: 'equipment_state', ...m.machine, state, callId: m.callId })),
      ),
    ),
  );

/** A story's events from its start, cut off after a random number of them or at toMinutes. */
const told = (story: fc.Arbitrary<Story>, fromMinutes: number, toMinutes: number) =>
  fc
    .tuple(story, fc.integer({ min: fromMinutes, max: toMinutes - 1 }), fc.nat())
    .map(([steps, startMinutes, cut]) => {
      let minutes = startMinutes;
      return steps.slice(0, 1 + (cut % steps.length)).flatMap(({ gapMinutes, body }) => {
        minutes += gapMinutes;
        return minutes < toMinutes ? [{ minutes, body }] : [];
      });
    });

/**
 * Events of random stories starting in [fromMinutes, toMinutes) and ending before
 * toMinutes, with ids unique per prefix (stories with the same prefix share boxes).
 */
export function arbitraryEvents(
  fromMinutes: number,
  toMinutes: number,
  idPrefix = 'e',
  maxStories = 12,
): fc.Arbitrary<StoredEvent[]> {
  const story = fc.oneof(
    boxStory(`${idPrefix}B1`),
    boxStory(`${idPrefix}B2`),
    callStory,
    visitStory(`${idPrefix}V1`),
    visitStory(`${idPrefix}V2`),
    inspectionStory(`${idPrefix}B1`),
    machineStory,
  );
  return fc.array(told(story, fromMinutes, toMinutes), { maxLength: maxStories }).map((stories) =>
    stories.flat().map(
      ({ minutes, body }, i) =>
        ({
          ...body,
          eventId: `${idPrefix}${String(i).padStart(4, '0')}`,
          timeMs: min(minutes),
        }) as StoredEvent,
    ),
  );
}
