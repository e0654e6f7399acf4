import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../protocol/history.ts';
import { MESSAGES } from '../i18n.ts';
import { entryWords, newestFirst, word } from './history-words.ts';

const at = (type: string, code: string, note?: string): HistoryEntry => ({
  timeMs: 0,
  type,
  code,
  ...(note === undefined ? {} : { note }),
});

describe('history entries in words', () => {
  it('names container, gate, inspection and customs events in both languages', () => {
    const en = MESSAGES.en;
    expect(entryWords(at('container', 'DISC'), en)).toEqual({ what: 'Discharged from the vessel' });
    expect(entryWords(at('container', 'LOAD', 'PLN'), en)).toEqual({
      what: 'Loaded onto the vessel',
      note: 'planned',
    });
    expect(entryWords(at('gate', 'completed', 'in'), en)).toEqual({ what: 'In-gate check done' });
    expect(entryWords(at('inspection', 'completed', 'held'), en)).toEqual({
      what: 'Inspection completed',
      note: 'held',
    });
    expect(entryWords(at('customs', 'released', 'green'), MESSAGES['zh-CN'])).toEqual({
      what: '已放行',
      note: '绿色通道',
    });
  });

  it('shows an unknown code or note as it came rather than dropping it', () => {
    const en = MESSAGES.en;
    expect(entryWords(at('container', 'ZZZZ', 'XYZ'), en)).toEqual({ what: 'ZZZZ', note: 'XYZ' });
    expect(entryWords(at('gate', 'teleported', 'up'), en)).toEqual({ what: 'up teleported' });
    expect(entryWords(at('port_call', 'ATA-Berth', 'x'), en)).toEqual({
      what: 'ATA-Berth',
      note: 'x',
    });
    // Keys are looked up as own properties only.
    expect(word(en, 'constructor')).toBeUndefined();
  });

  it('lists the newest first without changing the given list', () => {
    const entries = [at('container', 'DISC'), at('container', 'DROP')];
    expect(newestFirst(entries).map((e) => e.code)).toEqual(['DROP', 'DISC']);
    expect(entries.map((e) => e.code)).toEqual(['DISC', 'DROP']);
  });
});
