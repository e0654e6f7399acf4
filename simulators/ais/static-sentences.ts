// A ship's static and voyage report as the NMEA lines a shore receiver emits: message 5
// in two !AIVDM sentences, the first behind an NMEA 4.0 tag block that stamps the
// receive time (c:, unix seconds), so a backfilled day's reports carry their own time.
import type { VesselStatic } from '../../protocol/vessel.ts';
import { sentences, tagBlock } from './ais-encoder.ts';
import { staticVoyage } from './ais-messages.ts';

/** AIS carries names and destinations in 6-bit ASCII: upper case, accents dropped. */
const sixbitText = (text: string | undefined, chars: number) =>
  (text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^ -_]/g, ' ')
    .slice(0, chars);

const metres = (m: number | undefined, max: number) =>
  Math.max(0, Math.min(max, Math.round(m ?? 0)));

/** The lines of one report; `sequenceId` (0-9) tells concurrent multi-sentence messages apart. */
export function staticReportLines(report: VesselStatic, sequenceId: number): string[] {
  const message = staticVoyage({
    mmsi: Number(report.mmsi),
    imo: report.imo ? Number(report.imo) : 0,
    name: sixbitText(report.name, 20),
    callSign: sixbitText(report.callSign, 7),
    shipType: report.shipType ?? 0,
    bow: metres(report.toBowM, 511),
    stern: metres(report.toSternM, 511),
    port: metres(report.toPortM, 63),
    starboard: metres(report.toStarboardM, 63),
    epfd: 1, // GPS
    draught: Math.min(255, Math.round((report.draughtM ?? 0) * 10)),
    destination: sixbitText(report.destination, 20),
    dte: false,
  });
  const lines = sentences(message, { sequenceId: String(sequenceId % 10) });
  const stamp = tagBlock({ c: Math.floor(report.timeMs / 1000) });
  return lines.map((line, i) => (i === 0 ? `${stamp}${line}` : line));
}
