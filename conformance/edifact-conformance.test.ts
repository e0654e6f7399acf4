// Runs the EDIFACT conformance over the real third-party files when they are there: the
// shared/ folder beside the repository (../shared/realdata from the repository root).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  countContainerSegments,
  formatEdifactConformance,
  runEdifactConformance,
} from './edifact-conformance.ts';

const realdataDir = fileURLToPath(new URL('../../shared/realdata', import.meta.url));
const present = existsSync(`${realdataDir}/edifact`);

describe('countContainerSegments', () => {
  it('counts EQD+CN with or without UNA, honouring the release character', () => {
    expect(countContainerSegments("EQD+CN+AB?'C+X'EQD+TE+T1'\nEQD+CN+DEF'")).toEqual([
      "AB'C",
      'DEF',
    ]);
    expect(countContainerSegments('UNA|*.# ~EQD*CN*A#~B|1~ EQD*CN*C~')).toEqual(['A~B', 'C']);
  });
});

describe.skipIf(!present)('EDIFACT conformance on the real files in ../shared/realdata', () => {
  it('finds as many containers as an independent EQD+CN count in every BAPLIE and COARRI file, and reports every invalid check digit', async () => {
    const report = await runEdifactConformance(realdataDir);
    const planned = report.files.filter((f) =>
      f.messageTypes.some((t) => t === 'BAPLIE' || t === 'COARRI'),
    );
    expect(planned.length).toBeGreaterThan(0);
    for (const file of planned) {
      expect({ file: file.file, found: file.containersFound }).toEqual({
        file: file.file,
        found: file.containersCounted,
      });
      expect({ file: file.file, missed: file.invalidContainersMissed }).toEqual({
        file: file.file,
        missed: [],
      });
    }
    // Every file: what is expected invalid is called out, by number.
    for (const file of report.files)
      expect({ file: file.file, missed: file.invalidContainersMissed }).toEqual({
        file: file.file,
        missed: [],
      });
    expect(report.totals.files).toBe(report.files.length);
    expect(formatEdifactConformance(report)).toContain(`${report.totals.files} files`);
  });
});
