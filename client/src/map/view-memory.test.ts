import { describe, expect, it } from 'vitest';
import { loadView, saveView, type SavedView } from './view-memory.ts';

const VIEW: SavedView = { center: [122.04, 30.62], zoom: 15.5, bearing: -20, pitch: 30 };

/** An in-memory stand-in for localStorage. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('saveView / loadView', () => {
  it('round-trips a view', () => {
    const storage = memoryStorage();
    saveView('console', VIEW, storage);
    expect(loadView('console', storage)).toEqual(VIEW);
  });

  it('keeps the view under a per-screen key', () => {
    const storage = memoryStorage();
    saveView('wall', VIEW, storage);
    expect([...storage.items.keys()]).toEqual(['quayside.view.wall']);
    expect(JSON.parse(storage.items.get('quayside.view.wall')!)).toEqual(VIEW);
  });

  it('keeps screens apart', () => {
    const storage = memoryStorage();
    const wall: SavedView = { ...VIEW, zoom: 13 };
    saveView('console', VIEW, storage);
    saveView('wall', wall, storage);
    expect(loadView('console', storage)).toEqual(VIEW);
    expect(loadView('wall', storage)).toEqual(wall);
  });

  it('gives undefined when nothing is saved', () => {
    expect(loadView('console', memoryStorage())).toBeUndefined();
  });

  it('works without storage (private mode, tests)', () => {
    expect(loadView('console', undefined)).toBeUndefined();
    expect(() => saveView('console', VIEW, undefined)).not.toThrow();
  });

  it('gives undefined when reading storage throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadView('console', storage)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{center:'],
    ['null', 'null'],
    ['a number', '3'],
    ['a string', '"view"'],
    ['an array', '[122, 30, 15]'],
    ['no center', JSON.stringify({ ...VIEW, center: undefined })],
    ['a center with one number', JSON.stringify({ ...VIEW, center: [122] })],
    ['a center with three numbers', JSON.stringify({ ...VIEW, center: [122, 30, 0] })],
    ['a center of strings', JSON.stringify({ ...VIEW, center: ['122', '30'] })],
    ['a center with null (NaN saved)', JSON.stringify({ ...VIEW, center: [Number.NaN, 30] })],
    ['a zoom as a string', JSON.stringify({ ...VIEW, zoom: '15' })],
    ['no bearing', JSON.stringify({ ...VIEW, bearing: undefined })],
    ['a pitch of null', JSON.stringify({ ...VIEW, pitch: null })],
  ])('rejects a damaged entry: %s', (_label, text) => {
    const storage = memoryStorage({ 'quayside.view.console': text });
    expect(loadView('console', storage)).toBeUndefined();
  });
});
