// Runs the AIS conformance check against the third-party recordings when they are there
// (../shared/realdata next to the repository); skipped, with a note, where they are not.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAisConformance } from './ais-conformance.ts';

const realdata = fileURLToPath(new URL('../../shared/realdata', import.meta.url));
const present = existsSync(`${realdata}/ais/gpsd`);

describe.skipIf(!present)(`AIS conformance against ${realdata}`, () => {
  it('agrees with gpsd golden decodes on at least 99% of the fields Quayside keeps, per log', async () => {
    const report = await runAisConformance(realdata);
    expect(report.gpsd.length).toBeGreaterThanOrEqual(5);
    for (const log of report.gpsd) {
      expect(log.comparedFields, log.golden).toBeGreaterThan(0);
      expect(log.matched, log.golden).toBeGreaterThan(0);
      expect(
        log.agreementPct,
        `${log.golden}: ${JSON.stringify(log.disagreements)}`,
      ).toBeGreaterThanOrEqual(99);
    }
    expect(report.gpsdTotal.agreementPct).toBeGreaterThanOrEqual(99);
  });

  it('agrees with libais expected output where it is comparable, and decodes every sample', async () => {
    const report = await runAisConformance(realdata);
    for (const golden of report.libais) {
      expect(
        golden.agreementPct,
        `${golden.golden}: ${JSON.stringify(golden.disagreements)}`,
      ).toBeGreaterThanOrEqual(95);
    }
    expect(report.samples.length).toBeGreaterThan(0);
    for (const sample of report.samples)
      expect(sample.decoder.messages, sample.file).toBeGreaterThan(0);
  });
});

if (!present) console.warn(`AIS conformance: no recordings at ${realdata}, so it does not run`);
