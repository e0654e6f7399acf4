import { describe, expect, it } from 'vitest';
import { validateEvent } from '../ingest/validate-event.ts';
import { interpretInterchange } from './interpret.ts';
import { BAD_BOX, BOX, codeco, interchange, message, NOW, OPTIONS } from './test-interchanges.ts';

const run = (...messages: string[][]) => interpretInterchange(interchange(messages), OPTIONS);

describe('CODECO', () => {
  it('maps a gate-in report to GTIN events, with the truck as equipmentId', () => {
    const [m] = run(
      message(
        'G1',
        'CODECO',
        codeco('in', [{ box: BOX.a, time: '202612011005', truck: 'HU12345' }]),
      ),
    ).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events).toEqual([
      {
        type: 'container',
        eventId: `edi:TERMINALX:IC0001:G1:${BOX.a}:GTIN`,
        time: '2026-12-01T02:05:00Z',
        eventTypeCode: 'GTIN',
        eventClassifierCode: 'ACT',
        containerNumber: BOX.a,
        isoEquipmentCode: '45G1',
        emptyIndicatorCode: 'LADEN',
        flow: 'export',
        equipmentId: 'HU12345',
      },
    ]);
    expect(validateEvent(m!.events[0], NOW)).toMatchObject({ ok: true });
  });

  it('maps a gate-out report to GTOT events; an empty box flows empty', () => {
    const [m] = run(
      message(
        'G2',
        'CODECO',
        codeco('out', [
          { box: BOX.b, status: '3' },
          { box: BOX.c, fullEmpty: '4' },
        ]),
      ),
    ).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events.map((e) => e.type === 'container' && [e.eventTypeCode, e.flow])).toEqual([
      ['GTOT', 'import'],
      ['GTOT', 'empty'],
    ]);
  });

  it('accepts DTM+203 when there is no DTM+7 and reads seconds and zones', () => {
    const body = codeco('in', [{ box: BOX.a, time: '20261201100530', format: '204' }]).map((s) =>
      s.startsWith('DTM+7:') ? s.replace('DTM+7:', 'DTM+203:') : s,
    );
    expect(run(message('G1', 'CODECO', body)).results[0]!.events[0]).toMatchObject({
      time: '2026-12-01T02:05:30Z',
    });
    const utc = codeco('in', [{ box: BOX.a, time: '202612011005UTC', format: '303' }]);
    expect(run(message('G1', 'CODECO', utc)).results[0]!.events[0]).toMatchObject({
      time: '2026-12-01T10:05:00Z',
    });
  });

  it('leaves out a vehicle id that cannot be an equipment id, with a warning', () => {
    const [m] = run(
      message('G1', 'CODECO', codeco('in', [{ box: BOX.a, truck: '沪A 12345' }])),
    ).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events[0]).not.toHaveProperty('equipmentId');
    expect(m!.warnings[0]!.reason).toBe(
      'vehicle id "沪A 12345" does not fit an equipment id: left out',
    );
  });

  it('calls out an invalid container and maps nothing of that message', () => {
    const [m] = run(
      message('G1', 'CODECO', codeco('in', [{ box: BOX.a }, { box: BAD_BOX }])),
    ).results;
    expect(m!.events).toEqual([]);
    expect(m!.containers).toEqual([BOX.a, BAD_BOX]);
    expect(m!.errors.map((e) => e.reason)).toEqual([
      expect.stringContaining(`invalid container number ${BAD_BOX}`),
    ]);
  });

  it('refuses a report that is neither gate-in nor gate-out', () => {
    const [m] = run(message('G1', 'CODECO', codeco('in', [{ box: BOX.a }], 'BGM+35+X+9'))).results;
    expect(m!.errors).toEqual([
      {
        message: 'G1',
        segment: 2,
        reason: 'BGM document code "35" is not a gate-in (34) or gate-out (36) report: not mapped',
      },
    ]);
  });

  it('requires the gate time', () => {
    const [m] = run(message('G1', 'CODECO', codeco('in', [{ box: BOX.a, time: '' }]))).results;
    expect(m!.errors[0]!.reason).toBe(`container ${BOX.a} has no DTM+7 or DTM+203 move time`);
  });
});
