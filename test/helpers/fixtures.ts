// Valid identifiers and items for tests, built from the rules rather than copied from
// anywhere: a container number gets its real ISO 6346 check digit, an IMO its own.
import { iso6346CheckDigit } from '../../protocol/identifiers.ts';

export function containerNumber(serial: number, owner = 'QSDU'): string {
  const firstTen = `${owner}${String(serial).padStart(6, '0')}`;
  return `${firstTen}${iso6346CheckDigit(firstTen)}`;
}

export function imoNumber(six: number): string {
  const digits = String(six).padStart(6, '0');
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (7 - i), 0);
  return `${digits}${sum % 10}`;
}

export const isoAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

export const equipmentFix = (
  id: string,
  secondsAgo: number,
  overrides: Record<string, unknown> = {},
) => ({
  equipmentId: id,
  kind: 'truck',
  time: isoAgo(secondsAgo),
  lon: 122.04,
  lat: 30.617,
  headingDeg: 90,
  speedMps: 5,
  state: 'travelling_loaded',
  ...overrides,
});

/** One valid event of every type, with ids made unique by `tag`. */
export function oneEventOfEachType(tag: string) {
  const box = containerNumber(1000 + tag.length);
  return [
    {
      type: 'container',
      eventId: `${tag}-c1`,
      time: isoAgo(60),
      eventTypeCode: 'DISC',
      containerNumber: box,
      flow: 'import',
      callId: `${tag}-CALL`,
      facilityId: 'T1-B1',
      equipmentId: 'QC01',
    },
    {
      type: 'port_call',
      eventId: `${tag}-p1`,
      time: isoAgo(3600),
      callId: `${tag}-CALL`,
      timestamp: 'ATA-Berth',
      vesselImo: imoNumber(907472),
      vesselName: 'QUAY TEST',
      mmsi: '477553000',
      berthId: 'T1-B1',
      plannedMoves: 1200,
    },
    {
      type: 'gate',
      eventId: `${tag}-g1`,
      time: isoAgo(30),
      gateId: 'G1',
      laneId: 'G1-IN-1',
      direction: 'in',
      phase: 'completed',
      visitId: `${tag}-V1`,
      truckId: '沪A12345',
      containerNumber: box,
    },
    {
      type: 'inspection',
      eventId: `${tag}-i1`,
      time: isoAgo(20),
      laneId: 'X1',
      containerNumber: box,
      method: 'scan',
      phase: 'completed',
      outcome: 'cleared',
    },
    {
      type: 'customs',
      eventId: `${tag}-k1`,
      time: isoAgo(10),
      declarationId: `${tag}-D1`,
      containerNumber: box,
      status: 'released',
      channel: 'green',
      aeo: true,
    },
    {
      type: 'equipment_state',
      eventId: `${tag}-s1`,
      time: isoAgo(5),
      equipmentId: 'QC01',
      kind: 'sts',
      state: 'fault',
      reason: 'spreader twistlock',
    },
  ];
}
