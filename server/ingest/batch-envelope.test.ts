import { describe, expect, it } from 'vitest';
import { fromJsonBody, fromNdjson, MAX_BATCH_ITEMS } from './batch-envelope.ts';

const NOT_AN_ARRAY = {
  ok: false,
  status: 400,
  reason: 'body must be a JSON array of items (or NDJSON)',
};

const tooMany = (count: number) => ({
  ok: false,
  status: 413,
  reason: `batch has ${count} items; at most ${MAX_BATCH_ITEMS} per request`,
});

describe('fromJsonBody', () => {
  it('passes an array through as the items, with no line errors', () => {
    const body = [{ a: 1 }, 'anything', null];
    expect(fromJsonBody(body)).toEqual({ ok: true, items: body, lineErrors: [] });
  });

  it('accepts an empty array', () => {
    expect(fromJsonBody([])).toEqual({ ok: true, items: [], lineErrors: [] });
  });

  it.each([
    ['an object', { equipmentId: 'TT001' }],
    ['a string', '[{"a":1}]'],
    ['null', null],
    ['a number', 7],
    ['undefined', undefined],
  ])('rejects %s with 400 and a reason', (_label, body) => {
    expect(fromJsonBody(body)).toEqual(NOT_AN_ARRAY);
  });

  it(`accepts exactly ${MAX_BATCH_ITEMS} items`, () => {
    const result = fromJsonBody(new Array(MAX_BATCH_ITEMS).fill({}));
    expect(result.ok).toBe(true);
  });

  it(`rejects more than ${MAX_BATCH_ITEMS} items with 413 and the count`, () => {
    expect(fromJsonBody(new Array(MAX_BATCH_ITEMS + 1).fill({}))).toEqual(
      tooMany(MAX_BATCH_ITEMS + 1),
    );
  });
});

describe('fromNdjson', () => {
  it('parses one JSON value per line', () => {
    expect(fromNdjson('{"a":1}\n{"b":2}\n')).toEqual({
      ok: true,
      items: [{ a: 1 }, { b: 2 }],
      lineErrors: [],
    });
  });

  it('skips blank and whitespace-only lines', () => {
    expect(fromNdjson('\n{"a":1}\n\n   \n{"b":2}\n\n')).toEqual({
      ok: true,
      items: [{ a: 1 }, { b: 2 }],
      lineErrors: [],
    });
  });

  it('accepts CRLF line ends', () => {
    expect(fromNdjson('{"a":1}\r\n{"b":2}\r\n')).toEqual({
      ok: true,
      items: [{ a: 1 }, { b: 2 }],
      lineErrors: [],
    });
  });

  it('accepts a last line without a line end', () => {
    expect(fromNdjson('{"a":1}\n{"b":2}')).toMatchObject({ ok: true, items: [{ a: 1 }, { b: 2 }] });
  });

  it('gives an empty body no items', () => {
    expect(fromNdjson('')).toEqual({ ok: true, items: [], lineErrors: [] });
  });

  it('reports a bad line by its index and still parses the lines around it', () => {
    expect(fromNdjson('{"a":1}\nnot json\n{"b":2}\n{"c":\n')).toEqual({
      ok: true,
      items: [{ a: 1 }, undefined, { b: 2 }, undefined],
      lineErrors: [
        { index: 1, reason: 'line 2 is not valid JSON' },
        { index: 3, reason: 'line 4 is not valid JSON' },
      ],
    });
  });

  it('indexes bad lines among the non-blank lines, matching the items array', () => {
    const result = fromNdjson('\n{"a":1}\r\n\r\nnope\n{"b":2}\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items).toEqual([{ a: 1 }, undefined, { b: 2 }]);
    expect(result.lineErrors.map((e) => e.index)).toEqual([1]);
  });

  it('takes any JSON value as an item (item validation comes later)', () => {
    expect(fromNdjson('1\n"x"\nnull\n[1]\n')).toMatchObject({
      ok: true,
      items: [1, 'x', null, [1]],
      lineErrors: [],
    });
  });

  it(`rejects more than ${MAX_BATCH_ITEMS} non-blank lines with 413`, () => {
    const text = '{}\n'.repeat(MAX_BATCH_ITEMS + 1);
    expect(fromNdjson(text)).toEqual(tooMany(MAX_BATCH_ITEMS + 1));
  });

  it(`does not count blank lines towards the ${MAX_BATCH_ITEMS} limit`, () => {
    const text = '{}\n\n'.repeat(MAX_BATCH_ITEMS);
    const result = fromNdjson(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.items).toHaveLength(MAX_BATCH_ITEMS);
  });
});

describe('NDJSON line numbers', () => {
  it('names the line of the body, counting blank lines, while the index counts items', () => {
    const envelope = fromNdjson('\n\n{"a":1}\r\nnot json\n');
    expect(envelope).toEqual({
      ok: true,
      items: [{ a: 1 }, undefined],
      lineErrors: [{ index: 1, reason: 'line 4 is not valid JSON' }],
    });
  });
});
