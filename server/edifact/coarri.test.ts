import { describe, expect, it } from 'vitest';
import { validateEvent } from '../ingest/validate-event.ts';
import { interpretInterchange } from './interpret.ts';
import {
  BAD_BOX,
  BAD_IMO,
  BOX,
  coarri,
  IMO,
  interchange,
  message,
  NOW,
  OPTIONS,
} from './test-interchanges.ts';

const run = (...messages: string[][]) => interpretInterchange(interchange(messages), OPTIONS);

describe('COARRI', () => {
  it('maps a discharge report to DISC events, actual, that the ingest validator accepts', () => {
    const result = run(
      message(
        'M1',
        'COARRI',
        coarri('discharge', [
          { box: BOX.a, time: '202612010815' },
          { box: BOX.b, time: '202612010842', sizeType: '22G1', fullEmpty: '4' },
        ]),
      ),
    );
    expect(result.interchangeErrors).toEqual([]);
    const [m] = result.results;
    expect(m!.errors).toEqual([]);
    expect(m!.warnings).toEqual([]);
    expect(m!.containers).toEqual([BOX.a, BOX.b]);
    expect(m!.events).toEqual([
      {
        type: 'container',
        eventId: `edi:TERMINALX:IC0001:M1:${BOX.a}:DISC`,
        time: '2026-12-01T00:15:00Z',
        eventTypeCode: 'DISC',
        eventClassifierCode: 'ACT',
        containerNumber: BOX.a,
        isoEquipmentCode: '45G1',
        emptyIndicatorCode: 'LADEN',
        flow: 'import',
        callId: `IMO${IMO}:101W`,
      },
      {
        type: 'container',
        eventId: `edi:TERMINALX:IC0001:M1:${BOX.b}:DISC`,
        time: '2026-12-01T00:42:00Z',
        eventTypeCode: 'DISC',
        eventClassifierCode: 'ACT',
        containerNumber: BOX.b,
        isoEquipmentCode: '22G1',
        emptyIndicatorCode: 'EMPTY',
        flow: 'empty',
        callId: `IMO${IMO}:101W`,
      },
    ]);
    for (const event of m!.events) expect(validateEvent(event, NOW)).toMatchObject({ ok: true });
  });

  it('maps a loading report to LOAD events, with the call sign when there is no IMO number', () => {
    const [m] = run(
      message(
        'L1',
        'COARRI',
        coarri('load', [{ box: BOX.c, status: '2' }], {
          voyage: '102E',
          vessel: '3EXA7:103::EVER TEST',
        }),
      ),
    ).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events[0]).toMatchObject({
      eventTypeCode: 'LOAD',
      flow: 'export',
      callId: '3EXA7:102E',
      eventId: `edi:TERMINALX:IC0001:L1:${BOX.c}:LOAD`,
    });
  });

  it('accepts the D.00B codes 98 (discharge) and 270 (loading)', () => {
    const result = run(
      message(
        'A',
        'COARRI',
        coarri('discharge', [{ box: BOX.a }], { bgm: 'BGM+98+D1+9' }),
        'D:00B:UN:SMDG21',
      ),
      message(
        'B',
        'COARRI',
        coarri('load', [{ box: BOX.b }], { bgm: 'BGM+270+D2+9' }),
        'D:00B:UN:SMDG21',
      ),
    );
    expect(
      result.results.map((r) => r.events.map((e) => 'eventTypeCode' in e && e.eventTypeCode)),
    ).toEqual([['DISC'], ['LOAD']]);
  });

  it('takes the berth of the header LOC as facilityId', () => {
    const [m] = run(
      message(
        'M1',
        'COARRI',
        coarri('discharge', [{ box: BOX.a }], { portLoc: 'CNSHA:139:6+B03:BER:ZZZ' }),
      ),
    ).results;
    expect(m!.events[0]).toMatchObject({ facilityId: 'B03' });
    const [terminal] = run(
      message(
        'M1',
        'COARRI',
        coarri('discharge', [{ box: BOX.a }], { portLoc: 'CNSHA:139:6+YS3:TER:ZZZ' }),
      ),
    ).results;
    expect(terminal!.events[0]).not.toHaveProperty('facilityId');
  });

  it('rejects a message whose moves are at another port', () => {
    const [m] = run(
      message('M1', 'COARRI', coarri('discharge', [{ box: BOX.a }], { portLoc: 'KRPUS:139:6' })),
    ).results;
    expect(m!.events).toEqual([]);
    expect(m!.errors).toEqual([
      {
        message: 'M1',
        segment: 4,
        reason: 'the moves are reported at KRPUS, not at our port CNSHA',
      },
    ]);
  });

  it('calls out an invalid check digit by number and rejects that message whole, not the next', () => {
    const result = run(
      message(
        'M1',
        'COARRI',
        coarri('discharge', [{ box: BOX.a }, { box: BAD_BOX }, { box: BOX.b }]),
      ),
      message('M2', 'COARRI', coarri('discharge', [{ box: BOX.c }, { box: BOX.d }])),
    );
    const [bad, good] = result.results;
    expect(bad!.events).toEqual([]);
    expect(bad!.containers).toEqual([BOX.a, BAD_BOX, BOX.b]);
    expect(bad!.errors).toEqual([
      {
        message: 'M1',
        segment: 10,
        reason: `invalid container number ${BAD_BOX}: container number "${BAD_BOX}" has check digit 1, ISO 6346 gives 8`,
      },
    ]);
    expect(good!.errors).toEqual([]);
    expect(good!.events.map((e) => 'containerNumber' in e && e.containerNumber)).toEqual([
      BOX.c,
      BOX.d,
    ]);
  });

  it('reports every bad container of a message, not only the first', () => {
    const [m] = run(
      message('M1', 'COARRI', coarri('discharge', [{ box: BAD_BOX }, { box: 'ABCD1' }])),
    ).results;
    expect(m!.errors.map((e) => e.reason)).toEqual([
      expect.stringContaining(`invalid container number ${BAD_BOX}`),
      expect.stringContaining('invalid container number ABCD1'),
    ]);
  });

  it('reports an EQD+CN without a number, and counts it among the containers met', () => {
    const [m] = run(
      message('M1', 'COARRI', coarri('discharge', [{ box: '' }, { box: BOX.a }])),
    ).results;
    expect(m!.containers).toEqual(['', BOX.a]);
    expect(m!.events).toEqual([]);
    expect(m!.errors.map((e) => [e.segment, e.reason])).toEqual([
      [6, 'EQD+CN has no container number'],
    ]);
  });

  it('reports an invalid IMO number', () => {
    const [m] = run(
      message(
        'M1',
        'COARRI',
        coarri('discharge', [{ box: BOX.a }], { vessel: `${BAD_IMO}:146::X` }),
      ),
    ).results;
    expect(m!.events).toEqual([]);
    expect(m!.errors).toEqual([
      {
        message: 'M1',
        segment: 3,
        reason: `invalid IMO number ${BAD_IMO}: IMO number "${BAD_IMO}" has check digit 1, expected 9`,
      },
    ]);
  });

  it('requires a move time per container and a readable one', () => {
    const [m] = run(
      message(
        'M1',
        'COARRI',
        coarri('discharge', [
          { box: BOX.a, time: '' },
          { box: BOX.b, time: '202602301200' },
        ]),
      ),
    ).results;
    expect(m!.errors.map((e) => [e.segment, e.reason])).toEqual([
      [6, `container ${BOX.a} has no DTM+203 or DTM+7 move time`],
      [10, `${BOX.b}: DTM+203: "202602301200" (format 203) is not a real date`],
    ]);
  });

  it('rejects an actual move time the ingest validator calls future', () => {
    const [m] = run(
      message('M1', 'COARRI', coarri('discharge', [{ box: BOX.a, time: '202612022000' }])),
    ).results;
    expect(m!.events).toEqual([]);
    expect(m!.errors).toEqual([
      { message: 'M1', segment: 6, reason: `${BOX.a}: time is more than 5 minutes in the future` },
    ]);
  });

  it('checks CNT+16 against the equipment found', () => {
    const body = coarri('discharge', [{ box: BOX.a }, { box: BOX.b }]);
    body[body.length - 1] = 'CNT+16:3';
    const [m] = run(message('M1', 'COARRI', body)).results;
    expect(m!.errors.map((e) => e.reason)).toEqual([
      'CNT+16 says 3 equipment, the message has 2 EQD',
    ]);
  });

  it('refuses reports it does not map and cancellations', () => {
    const shifting = run(
      message('M1', 'COARRI', coarri('discharge', [{ box: BOX.a }], { bgm: 'BGM+119+D1+9' })),
    ).results[0]!;
    expect(shifting.events).toEqual([]);
    expect(shifting.errors[0]!.reason).toMatch(/BGM document code "119" is not a discharge/);
    const cancel = run(
      message('M1', 'COARRI', coarri('discharge', [{ box: BOX.a }], { bgm: 'BGM+44+D1+1' })),
    ).results[0]!;
    expect(cancel.errors[0]!.reason).toMatch(/function 1 \(cancellation\) is not mapped/);
  });

  it('requires TDT+20 to identify the call', () => {
    const body = coarri('discharge', [{ box: BOX.a }]).filter((s) => !s.startsWith('TDT'));
    expect(run(message('M1', 'COARRI', body)).results[0]!.errors[0]!.reason).toMatch(/no TDT\+20/);
  });

  it('skips equipment that is not a container, with a warning, and ignores unknown segments', () => {
    const body = coarri('discharge', [
      { box: BOX.a, extra: ['ZZZ+ANYTHING+AT:ALL', 'EQD+TE+TRAILER7'] },
    ]);
    body[body.length - 1] = 'CNT+16:2';
    const [m] = run(message('M1', 'COARRI', body)).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events).toHaveLength(1);
    expect(m!.warnings).toEqual([
      { message: 'M1', segment: 9, reason: 'EQD+TE is not a container: skipped' },
    ]);
  });

  it('reports a container repeated in one message', () => {
    const [m] = run(
      message('M1', 'COARRI', coarri('discharge', [{ box: BOX.a }, { box: BOX.a }])),
    ).results;
    expect(m!.errors.map((e) => e.reason)).toEqual([
      `container ${BOX.a} appears twice in this message (segments 6 and 10)`,
    ]);
  });
});
