import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestChannel, type ChannelOptions } from './ingest-channel.ts';

type Handler = (items: number[], res: ServerResponse) => void;

/** A stand-in for the ingest API: records each batch and answers as the handler says. */
async function fakeServer(handler: Handler) {
  const batches: number[][] = [];
  const keys: (string | undefined)[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const items = JSON.parse(body) as number[];
      batches.push(items);
      keys.push(req.headers.authorization);
      handler(items, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, batches, keys, close: () => server.close() };
}

const accept: Handler = (items, res) =>
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ accepted: items.length, rejected: [] }));

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

function channel(url: string, overrides: Partial<ChannelOptions> = {}) {
  const logs: string[] = [];
  const fatal: string[] = [];
  const ch = new IngestChannel<number>({
    target: url,
    path: '/api/v1/events',
    key: 'secret',
    log: (m) => logs.push(m),
    onFatal: (m) => fatal.push(m),
    batchSize: 3,
    ...overrides,
  });
  return { ch, logs, fatal };
}

describe('IngestChannel', () => {
  it('sends every item once, in order, in batches, with the key', async () => {
    const server = await fakeServer(accept);
    cleanup.push(server.close);
    const { ch } = channel(server.url);
    ch.enqueue([1, 2, 3, 4]);
    ch.enqueue([5, 6, 7]);
    await ch.idle();
    expect(server.batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server.batches.every((b) => b.length <= 3)).toBe(true);
    expect(new Set(server.keys)).toEqual(new Set(['Bearer secret']));
    expect(ch.stats).toEqual({ accepted: 7, rejected: 0, dropped: 0 });
  });

  it('waits out overload and outage answers as Retry-After says, then sends the same batch', async () => {
    let refusals = 2;
    const server = await fakeServer((items, res) => {
      if (refusals-- > 0) res.writeHead(refusals === 1 ? 429 : 503, { 'retry-after': '1' }).end();
      else accept(items, res);
    });
    cleanup.push(server.close);
    const { ch } = channel(server.url);
    const started = Date.now();
    ch.enqueue([1, 2]);
    await ch.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(server.batches).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(ch.stats.accepted).toBe(2);
  });

  it('keeps every event through an outage of the server and sends them when it is back', async () => {
    let outage = 2;
    const server = await fakeServer((items, res) => {
      if (outage-- > 0)
        res.socket?.destroy(); // no answer at all
      else accept(items, res);
    });
    cleanup.push(server.close);
    const { ch, logs } = channel(server.url);
    ch.enqueue([1, 2, 3, 4, 5]);
    await ch.idle();
    expect(server.batches.flat()).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3, 4, 5]);
    expect(ch.stats.accepted).toBe(5);
    expect(logs.some((l) => l.includes('cannot reach the server'))).toBe(true);
    expect(logs).toContain('/api/v1/events is taking items again');
  });

  it('keeps only the newest items when perishable, counting the dropped ones', async () => {
    const { ch } = channel('http://127.0.0.1:9', { maxPending: 4 });
    ch.enqueue([1, 2, 3]);
    ch.enqueue([4, 5, 6]);
    expect(ch.backlog).toBe(4);
    expect(ch.stats.dropped).toBe(2);
  });

  it('reports rejected items loudly, as the simulator bugs they are, and does not resend them', async () => {
    const server = await fakeServer((items, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          accepted: items.length - 1,
          rejected: [{ index: 1, reason: 'time is more than 5 minutes in the future' }],
        }),
      ),
    );
    cleanup.push(server.close);
    const { ch, logs } = channel(server.url);
    ch.enqueue([10, 20, 30]);
    await ch.idle();
    expect(server.batches).toEqual([[10, 20, 30]]);
    expect(logs).toContain(
      'BUG: /api/v1/events rejected 20: time is more than 5 minutes in the future',
    );
    expect(ch.stats).toEqual({ accepted: 2, rejected: 1, dropped: 0 });
  });

  it('halves the batch when the server finds it too large', async () => {
    const server = await fakeServer((items, res) =>
      items.length > 1 ? res.writeHead(413).end() : accept(items, res),
    );
    cleanup.push(server.close);
    const { ch } = channel(server.url, { batchSize: 4 });
    ch.enqueue([1, 2, 3]);
    await ch.idle();
    expect(server.batches.filter((b) => b.length === 1)).toEqual([[1], [2], [3]]);
  });

  it('gives up loudly on a batch the server refuses outright', async () => {
    const server = await fakeServer((_items, res) =>
      res.writeHead(400).end('body must be a JSON array'),
    );
    cleanup.push(server.close);
    const { ch, fatal } = channel(server.url);
    ch.enqueue([1]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fatal).toEqual(['/api/v1/events refused a batch: 400 body must be a JSON array']);
  });

  it('tells a producer when there is room again', async () => {
    const server = await fakeServer(accept);
    cleanup.push(server.close);
    const { ch } = channel(server.url, { batchSize: 2 });
    ch.enqueue([1, 2, 3, 4, 5, 6]);
    await ch.room(3);
    expect(ch.backlog).toBeLessThan(3);
    await ch.idle();
  });
});
