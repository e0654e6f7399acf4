// `npm run conformance`: decoders and importers against the real third-party recordings
// in ../shared/realdata (beside the checkout): AIS logs with gpsd's and libais's golden
// decodes, and real terminal EDIFACT. Says so plainly when that folder is not there.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAisConformance, type GoldenReport } from './ais-conformance.ts';
import { formatEdifactConformance, runEdifactConformance } from './edifact-conformance.ts';

const realdata = fileURLToPath(new URL('../../shared/realdata', import.meta.url));

function aisRow(r: GoldenReport) {
  return {
    log: r.log,
    sentences: r.sentences,
    messages: r.messages,
    compared: r.comparedFields,
    agreeing: r.agreeingFields,
    'agreement %': r.agreementPct,
    missing: r.missing,
  };
}

async function main(): Promise<void> {
  if (!existsSync(realdata)) {
    console.log(
      `No real-data folder at ${realdata}: nothing to check against (it sits beside the checkout as shared/realdata).`,
    );
    return;
  }
  const ais = await runAisConformance(realdata);
  console.log('\nAIS against gpsd golden decodes (fields Quayside keeps)');
  console.table(ais.gpsd.map(aisRow));
  console.log(
    `gpsd total: ${ais.gpsdTotal.agreeingFields} of ${ais.gpsdTotal.comparedFields} fields agree (${ais.gpsdTotal.agreementPct} %)`,
  );
  console.log('\nAIS against libais golden decodes');
  console.table(ais.libais.map(aisRow));
  for (const r of [...ais.gpsd, ...ais.libais])
    for (const d of r.disagreements.slice(0, 3))
      console.log(
        `  ${r.log}: ${d.message} ${d.field}: ours ${JSON.stringify(d.ours)}, golden ${JSON.stringify(d.golden)}`,
      );
  console.log('\nAIS samples without goldens');
  console.table(
    ais.samples.map((s) => ({
      file: s.file,
      sentences: s.decoder.sentences,
      messages: s.decoder.messages,
      'bad checksum': s.decoder.badChecksum,
      malformed: s.decoder.malformed,
    })),
  );
  console.log(`\nHow: ${ais.method.join('\n     ')}`);

  console.log('\nEDIFACT from real terminals and libraries');
  console.log(formatEdifactConformance(await runEdifactConformance(realdata)));
}

void main();
