// `npm run ais:replay -- FILE [--speed X] [--target URL] [--key KEY]`: replays an AIS
// log (NMEA 0183 lines, optionally with tag blocks) into a running server through its
// public API, POST /api/v1/ais, as a receiver would have delivered it: at the original
// pace (from the tag blocks' c: receiver times), X times faster, or (--speed max) as
// fast as the server takes it. Lines without a time go out with the last timed one.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pace } from './ais-replay-pacing.ts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      speed: { type: 'string', default: '1' },
      target: { type: 'string', default: 'http://127.0.0.1:8080' },
      key: { type: 'string' },
    },
  });
  const file = positionals[0];
  const key = values.key ?? process.env.QUAYSIDE_INGEST_KEY;
  const speed = values.speed === 'max' ? Infinity : Number(values.speed);
  if (!file || !key || !(speed > 0)) {
    console.error(
      'usage: npm run ais:replay -- FILE [--speed X|max] [--target URL] [--key KEY or QUAYSIDE_INGEST_KEY]',
    );
    process.exit(2);
  }
  const groups = pace(readFileSync(file, 'latin1').split(/\r?\n/));
  const firstMs = groups.find((g) => g.atMs !== undefined)?.atMs;
  const start = Date.now();
  const totals = { sentences: 0, messages: 0, rejected: 0 };
  for (const group of groups) {
    if (speed !== Infinity && group.atMs !== undefined && firstMs !== undefined) {
      const due = start + (group.atMs - firstMs) / speed;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
    for (;;) {
      const response = await fetch(`${values.target}/api/v1/ais`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          authorization: `Bearer ${key}`,
          'x-quayside-source': 'replay',
        },
        body: group.lines.join('\n'),
      });
      if (response.status === 429 || response.status === 503) {
        await new Promise((resolve) =>
          setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000),
        );
        continue;
      }
      if (!response.ok)
        throw new Error(
          `the server refused the replay: ${response.status} ${await response.text()}`,
        );
      const reply = (await response.json()) as typeof totals;
      totals.sentences += reply.sentences;
      totals.messages += reply.messages;
      totals.rejected += reply.rejected;
      break;
    }
  }
  console.log(
    `ais:replay: ${totals.sentences} sentences, ${totals.messages} messages, ${totals.rejected} rejected, in ${((Date.now() - start) / 1000).toFixed(1)} s`,
  );
}

void main();
