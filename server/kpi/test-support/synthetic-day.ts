// A plausible stretch of days at a small port, as ingest items (valid container and IMO
// numbers, ISO times), for the tests that go through the real ingest path: calls that
// anchor or not, berth, are worked by two cranes (one fails for a while) and leave;
// import boxes discharged, declared, released or inspected, stacked and collected by
// truck (some straight from under the crane); export boxes gated in, stacked and loaded;
// trucks and a scanner reporting their states. Deterministic for a seed.
import type { PortEvent } from '../../../protocol/events.ts';
import { iso6346CheckDigit } from '../../../protocol/identifiers.ts';
import { DEFAULT_KPI_CHOICES } from '../kpi-choices.ts';
import type { PortFacts } from '../port-facts.ts';
import { createRng } from '../../../simulators/rng.ts';

export const SYNTHETIC_FACTS: PortFacts = {
  berthIds: ['S-B1', 'S-B2'],
  blocks: [
    { id: 'S-Y1', capacityTeu: 120 },
    { id: 'S-Y2', capacityTeu: 160 },
  ],
  gateLaneIds: ['S-G-in-1', 'S-G-out-1'],
  inspectionLaneIds: ['S-X1'],
  choices: DEFAULT_KPI_CHOICES,
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const IMO = '9074729';

function containerNumber(serial: number): string {
  const firstTen = `QSYU${String(serial).padStart(6, '0')}`;
  return `${firstTen}${iso6346CheckDigit(firstTen)}`;
}

/** An event before it gets its id and wire time; ingest validation checks the shapes. */
type Draft = Record<string, unknown> & { atMs: number };

/** Events from startMs for `hours`, in time order, ids unique per seed. */
export function syntheticDays(startMs: number, hours: number, seed = 1): PortEvent[] {
  const rand = createRng(seed).next;
  const endMs = startMs + hours * HOUR;
  const between = (low: number, high: number) => low + (high - low) * rand();
  const drafts: Draft[] = [];
  const emit = (atMs: number, event: Record<string, unknown>) =>
    drafts.push({ ...event, atMs: Math.round(atMs) });
  let serial = 0;
  let visits = 0;

  const box = (atMs: number, code: string, number: string, extra: Record<string, unknown> = {}) =>
    emit(atMs, {
      type: 'container',
      eventTypeCode: code,
      eventClassifierCode: 'ACT',
      containerNumber: number,
      ...extra,
    });
  const gate = (atMs: number, visitId: string, direction: 'in' | 'out', phase: string) =>
    emit(atMs, {
      type: 'gate',
      gateId: 'S-G',
      laneId: direction === 'in' ? 'S-G-in-1' : 'S-G-out-1',
      direction,
      phase,
      visitId,
      truckId: `沪A${String(visits).padStart(5, '0')}`,
    });
  /** A truck visit: in at inMs, the box handed over at the yard or crane, out 15 min later. */
  const truckVisit = (inMs: number, handoverMs: number, then: (outMs: number) => void) => {
    const visitId = `S-V${(visits += 1)}`;
    gate(inMs - 5 * MINUTE, visitId, 'in', 'arrived');
    gate(inMs, visitId, 'in', 'completed');
    const outMs = handoverMs + 15 * MINUTE;
    then(outMs);
    gate(outMs, visitId, 'out', 'completed');
  };
  const machine = (
    atMs: number,
    equipmentId: string,
    kind: string,
    state: string,
    callId?: string,
  ) =>
    emit(atMs, {
      type: 'equipment_state',
      equipmentId,
      kind,
      state,
      ...(callId ? { callId } : {}),
    });
  const customs = (atMs: number, number: string, status: string, channel: string) =>
    emit(atMs, {
      type: 'customs',
      declarationId: `S-D-${number}`,
      containerNumber: number,
      status,
      channel,
      aeo: channel === 'green',
    });

  const importBox = (dischargeMs: number, callId: string, craneId: string, berthId: string) => {
    const number = containerNumber((serial += 1));
    const description = { flow: 'import', isoEquipmentCode: rand() < 0.6 ? '45G1' : '22G1' };
    box(dischargeMs, 'DISC', number, {
      ...description,
      callId,
      facilityId: berthId,
      equipmentId: craneId,
    });
    const roll = rand();
    const channel = roll < 0.7 ? 'green' : roll < 0.9 ? 'yellow' : 'red';
    customs(dischargeMs + MINUTE, number, 'declared', channel);
    if (channel === 'green') {
      const releaseMs = dischargeMs + between(5, 60) * MINUTE;
      customs(releaseMs, number, 'released', channel);
      box(releaseMs, 'CUSR', number);
    } else if (channel === 'yellow') {
      const queuedMs = dischargeMs + between(30, 120) * MINUTE;
      customs(queuedMs - 10 * MINUTE, number, 'selected_scan', channel);
      box(queuedMs - 10 * MINUTE, 'CUSS', number);
      const startMs = queuedMs + between(2, 40) * MINUTE;
      const lane = { type: 'inspection', laneId: 'S-X1', containerNumber: number, method: 'scan' };
      emit(queuedMs, { ...lane, phase: 'queued' });
      emit(startMs, { ...lane, phase: 'started' });
      emit(startMs + 4 * MINUTE, {
        ...lane,
        phase: 'completed',
        outcome: 'cleared',
      });
      customs(startMs + 5 * MINUTE, number, 'released', channel);
      box(startMs + 5 * MINUTE, 'CUSR', number);
    } else {
      customs(dischargeMs + 20 * MINUTE, number, 'selected_inspection', channel);
      customs(dischargeMs + 6 * HOUR, number, 'held', channel);
    }
    if (channel === 'green' && rand() < 0.25) {
      // Collected under the crane: never in the yard.
      truckVisit(dischargeMs - 20 * MINUTE, dischargeMs, (outMs) =>
        box(outMs, 'GTOT', number, { facilityId: 'S-G-out-1' }),
      );
      return;
    }
    const blockId = rand() < 0.5 ? 'S-Y1' : 'S-Y2';
    box(dischargeMs + 10 * MINUTE, 'DROP', number, { facilityId: blockId });
    if (channel === 'red') return; // held: stays in the yard
    const pickMs = dischargeMs + between(6, 30) * HOUR;
    truckVisit(pickMs - between(10, 40) * MINUTE, pickMs, (outMs) => {
      box(pickMs, 'PICK', number, { facilityId: blockId });
      box(outMs, 'GTOT', number, { facilityId: 'S-G-out-1' });
    });
  };

  const exportBox = (loadMs: number, callId: string, craneId: string, berthId: string) => {
    const number = containerNumber((serial += 1));
    const gateInMs = loadMs - between(3, 20) * HOUR;
    const direct = rand() < 0.1;
    truckVisit(gateInMs, gateInMs + 10 * MINUTE, () => {
      box(gateInMs, 'GTIN', number, { flow: 'export', isoEquipmentCode: '45G1' });
      if (!direct) box(gateInMs + 10 * MINUTE, 'DROP', number, { facilityId: 'S-Y2' });
    });
    if (!direct) box(loadMs - 15 * MINUTE, 'PICK', number, { facilityId: 'S-Y2' });
    box(loadMs, 'LOAD', number, { callId, facilityId: berthId, equipmentId: craneId });
  };

  for (let k = 0; startMs + k * 8 * HOUR < endMs; k += 1) {
    const callId = `S-CALL-${seed}-${k}`;
    const berthId = SYNTHETIC_FACTS.berthIds[k % 2]!;
    const cranes = [`S-QC${(k % 2) * 2 + 1}`, `S-QC${(k % 2) * 2 + 2}`];
    const port = { type: 'port_call', callId, vesselImo: IMO, vesselName: `SYNTHETIC ${k}` };
    const call = (atMs: number, timestamp: string, extra: Record<string, unknown> = {}) =>
      emit(atMs, { ...port, timestamp, ...extra });
    const arrivalMs = startMs + k * 8 * HOUR + between(0, 60) * MINUTE;
    const anchors = k % 2 === 1;
    const berthMs = arrivalMs + (anchors ? between(60, 240) : 40) * MINUTE;
    call(arrivalMs - 12 * HOUR, 'ETA-Berth', { berthId, plannedMoves: 70 });
    call(arrivalMs, 'ATA-PBP');
    if (anchors) {
      call(arrivalMs + 20 * MINUTE, 'ATA-Anchorage');
      call(berthMs - 30 * MINUTE, 'ATD-Anchorage');
    }
    call(berthMs, 'ATA-Berth', { berthId });
    for (const crane of cranes)
      machine(berthMs + 15 * MINUTE, crane, 'sts', 'travelling_empty', callId);
    let moveMs = berthMs + 30 * MINUTE;
    for (const crane of cranes) machine(moveMs, crane, 'sts', 'working', callId);
    for (let i = 0; i < 70; i += 1) {
      const crane = cranes[i % 2]!;
      if (i === 20) {
        machine(moveMs, crane, 'sts', 'fault', callId);
        machine(moveMs + 25 * MINUTE, crane, 'sts', 'working', callId);
        moveMs += 25 * MINUTE;
      }
      if (i < 40) importBox(moveMs, callId, crane, berthId);
      else exportBox(moveMs, callId, crane, berthId);
      moveMs += between(1.5, 3) * MINUTE;
    }
    for (const crane of cranes) machine(moveMs + 10 * MINUTE, crane, 'sts', 'idle');
    call(moveMs + 20 * MINUTE, 'ATC-Cargo Ops');
    call(moveMs + 60 * MINUTE, 'ATD-Berth');
  }

  const states = ['travelling_empty', 'travelling_loaded', 'working', 'waiting', 'idle', 'fault'];
  for (const [id, kind] of [
    ['S-T1', 'truck'],
    ['S-T2', 'truck'],
    ['S-AGV1', 'agv'],
    ['S-X1-scanner', 'scanner'],
  ] as const) {
    for (
      let atMs = startMs + between(0, 30) * MINUTE;
      atMs < endMs;
      atMs += between(5, 50) * MINUTE
    )
      machine(atMs, id, kind, states[Math.floor(rand() * states.length)]!);
  }

  return drafts
    .filter((d) => d.atMs >= startMs && d.atMs < endMs)
    .sort((a, b) => a.atMs - b.atMs)
    .map(({ atMs, ...event }, i) => ({
      ...event,
      eventId: `syn-${seed}-${String(i).padStart(6, '0')}`,
      time: new Date(atMs).toISOString(),
    })) as unknown as PortEvent[];
}
