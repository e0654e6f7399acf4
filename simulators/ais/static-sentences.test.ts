import { describe, expect, it } from 'vitest';
import { AisStreamDecoder } from '../../server/ais/stream-decoder.ts';
import { toVesselStatic } from '../../server/ais/to-quayside.ts';
import { staticReportLines } from './static-sentences.ts';

const T = Date.UTC(2026, 10, 27, 6, 30, 15);
const report = {
  mmsi: '477123456',
  timeMs: T,
  imo: '9321483',
  name: 'Ever Glory',
  shipType: 70,
  toBowM: 168,
  toSternM: 168,
  toPortM: 25,
  toStarboardM: 25,
  draughtM: 15.5,
  destination: 'CNSHA-DEMO',
};

describe('a ship’s static report as NMEA', () => {
  it('decodes, with the server’s own decoder, to what the ship said, stamped with its time', () => {
    const lines = staticReportLines(report, 3);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\\c:\d+\*[0-9A-F]{2}\\!AIVDM,2,1,3,A,/);
    const messages = new AisStreamDecoder().feedText(lines.join('\r\n'), Date.UTC(2030, 0, 1));
    expect(messages).toHaveLength(1);
    const decoded = toVesselStatic(messages[0]!, T);
    expect(decoded).toMatchObject({ ...report, name: 'EVER GLORY', timeMs: T });
  });

  it('keeps to what AIS can carry: 6-bit text, field widths', () => {
    const lines = staticReportLines(
      { ...report, name: 'Zhōng Yuǎn Hǎi Yùn №1 with a far too long name', toBowM: 900 },
      0,
    );
    const [message] = new AisStreamDecoder().feedText(lines.join('\n'), T);
    const decoded = toVesselStatic(message!, T)!;
    expect(decoded.name).toBe('ZHONG YUAN HAI YUN');
    expect(decoded.toBowM).toBe(511);
  });
});
