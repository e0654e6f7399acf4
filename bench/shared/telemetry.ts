// How every bench feeds the server: POST /api/v1/telemetry with the bench's ingest key.
// No server code here: the live-latency load worker imports this too.

export const BENCH_KEY = 'bench-key';

export function postTelemetry(url: string, items: unknown[]): Promise<Response> {
  return fetch(`${url}/api/v1/telemetry`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_KEY}` },
    body: JSON.stringify(items),
  });
}
