import { describe, expect, it } from 'vitest';
import { validateEvent } from '../ingest/validate-event.ts';
import { interpretInterchange } from './interpret.ts';
import {
  BAD_BOX,
  BOX,
  baplie,
  IMO,
  interchange,
  message,
  NOW,
  OPTIONS,
} from './test-interchanges.ts';

const run = (...messages: string[][]) => interpretInterchange(interchange(messages), OPTIONS);

const cells = [
  { box: BOX.a, pol: 'KRPUS', pod: 'CNSHA' },
  { box: BOX.b, pol: 'KRPUS', pod: 'CNSHA', fullEmpty: '4' },
  { box: BOX.c, pol: 'JPTYO', pod: 'SGSIN' }, // remains on board
];

describe('BAPLIE', () => {
  it('maps the boxes discharged at our port to DISC events, planned, and summarises the call', () => {
    const [m] = run(message('P1', 'BAPLIE', baplie(cells))).results;
    expect(m!.errors).toEqual([]);
    expect(m!.containers).toEqual([BOX.a, BOX.b, BOX.c]);
    const containerEvents = m!.events.filter((e) => e.type === 'container');
    expect(containerEvents).toEqual([
      {
        type: 'container',
        eventId: `edi:TERMINALX:IC0001:P1:${BOX.a}:DISC.PLN`,
        time: '2026-12-02T22:00:00Z',
        eventTypeCode: 'DISC',
        eventClassifierCode: 'PLN',
        containerNumber: BOX.a,
        isoEquipmentCode: '45G1',
        emptyIndicatorCode: 'LADEN',
        callId: `IMO${IMO}:101W`,
      },
      expect.objectContaining({
        containerNumber: BOX.b,
        emptyIndicatorCode: 'EMPTY',
        flow: 'empty',
      }),
    ]);
    expect(m!.call).toEqual({
      callId: `IMO${IMO}:101W`,
      voyage: '101W',
      vesselImo: IMO,
      vesselName: 'EVER TEST',
      dischargeAtPort: 2,
      loadAtPort: 0,
      plannedMoves: 2,
      time: '2026-12-02T22:00:00Z',
      timeSource: 'DTM+132',
    });
    for (const event of m!.events) expect(validateEvent(event, NOW)).toMatchObject({ ok: true });
  });

  it('gives a PortCallEvent ETA-Berth with plannedMoves when the IMO number and ETA are known', () => {
    const [m] = run(message('P1', 'BAPLIE', baplie(cells))).results;
    expect(m!.events.filter((e) => e.type === 'port_call')).toEqual([
      {
        type: 'port_call',
        eventId: 'edi:TERMINALX:IC0001:P1:call:ETA-Berth.PLN',
        time: '2026-12-02T22:00:00Z',
        callId: `IMO${IMO}:101W`,
        timestamp: 'ETA-Berth',
        vesselImo: IMO,
        vesselName: 'EVER TEST',
        plannedMoves: 2,
      },
    ]);
  });

  it('without an IMO number gives the summary but no PortCallEvent', () => {
    const [m] = run(
      message('P1', 'BAPLIE', baplie(cells, { vessel: '3EXA7:103::EVER TEST' })),
    ).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events.map((e) => e.type)).toEqual(['container', 'container']);
    expect(m!.call).toMatchObject({
      callId: '3EXA7:101W',
      vesselCallSign: '3EXA7',
      plannedMoves: 2,
    });
  });

  it('maps boxes loaded at our port (a departure plan) to LOAD events, planned', () => {
    const departure = [
      { box: BOX.d, pol: 'CNSHA', pod: 'USLAX' },
      { box: BOX.e, pol: 'KRPUS', pod: 'USLAX' },
    ];
    const [m] = run(
      message('P1', 'BAPLIE', baplie(departure, { dates: ['DTM+178:202612010300:203'] })),
    ).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events).toEqual([
      expect.objectContaining({
        containerNumber: BOX.d,
        eventTypeCode: 'LOAD',
        eventClassifierCode: 'PLN',
      }),
    ]);
    expect(m!.call).toMatchObject({
      dischargeAtPort: 0,
      loadAtPort: 1,
      plannedMoves: 1,
      timeSource: 'DTM+178',
    });
  });

  it('warns when nothing in the plan concerns our port', () => {
    const [m] = run(
      message('P1', 'BAPLIE', baplie([{ box: BOX.c, pol: 'JPTYO', pod: 'SGSIN' }])),
    ).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events).toEqual([]);
    expect(m!.warnings.map((w) => w.reason)).toEqual([
      'no container in this plan is loaded or discharged at CNSHA',
    ]);
  });

  it('calls out invalid container numbers by number and maps nothing of that plan', () => {
    const [m] = run(
      message('P1', 'BAPLIE', baplie([...cells, { box: BAD_BOX, pol: 'KRPUS', pod: 'CNSHA' }])),
    ).results;
    expect(m!.events).toEqual([]);
    expect(m!.containers).toHaveLength(4);
    expect(m!.errors).toEqual([
      {
        message: 'P1',
        segment: 34,
        reason: `invalid container number ${BAD_BOX}: container number "${BAD_BOX}" has check digit 1, ISO 6346 gives 8`,
      },
    ]);
    expect(m!.call).toMatchObject({ dischargeAtPort: 3 });
  });

  it('takes a container’s own LOC+9/LOC+11 over the cell’s (BAPLIE 3 layout)', () => {
    const body = [
      'BGM++PLAN3+9',
      'TDT+20+7W+++EGL:172:20+++9321483:146::OTHER SHIP',
      'DTM+132:202612030600:203',
      'LOC+147+0120382::5',
      'LOC+11+SGSIN:139:6',
      `EQD+CN+${BOX.a}+22G1+++5`,
      'LOC+11+CNSHA:139:6',
      `EQD+CN+${BOX.b}+22G1+++5`,
    ];
    const [m] = run(message('P3', 'BAPLIE', body, 'D:13B:UN:SMDG31')).results;
    expect(m!.errors).toEqual([]);
    expect(
      m!.events
        .filter((e) => e.type === 'container')
        .map((e) => 'containerNumber' in e && e.containerNumber),
    ).toEqual([BOX.a]);
    expect(m!.warnings).toEqual([]);
  });

  it('reports an unreadable plan time instead of falling back to another', () => {
    const [m] = run(
      message(
        'P1',
        'BAPLIE',
        baplie(cells, { dates: ['DTM+132:2600150800:201', 'DTM+178:202612010300:203'] }),
      ),
    ).results;
    expect(m!.events).toEqual([]);
    expect(m!.errors.map((e) => [e.segment, e.reason])).toEqual([
      [7, 'estimated arrival: DTM+132: "2600150800" (format 201) is not a real date'],
    ]);
  });

  it('reports a container outside any stowage location', () => {
    const body = baplie(cells);
    body.splice(5, 0, `EQD+CN+${BOX.f}+45G1`);
    const [m] = run(message('P1', 'BAPLIE', body)).results;
    expect(m!.errors.map((e) => e.reason)).toEqual([
      `container ${BOX.f} is outside any stowage location (LOC+147)`,
    ]);
  });
});
