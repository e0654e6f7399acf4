// A container's history entries in the reader's words: each entry's type and code (and
// its note, which says a gate's direction, an inspection's outcome, a customs channel or
// a plan) become i18n keys. An unknown code is shown as it came, never dropped.
import type { HistoryEntry } from '../../../protocol/history.ts';
import type { MESSAGES } from '../i18n.ts';

export type Words = (typeof MESSAGES)['en'];

/** The text of a key built at run time, if the tables have it. */
export function word(t: Words, key: string): string | undefined {
  return Object.hasOwn(t, key) ? t[key as keyof Words] : undefined;
}

export interface EntryWords {
  what: string;
  note?: string;
}

export function entryWords(entry: HistoryEntry, t: Words): EntryWords {
  const { code, note } = entry;
  const noted = (prefix: string) =>
    note === undefined ? {} : { note: word(t, `${prefix}${note}`) ?? note };
  switch (entry.type) {
    case 'container':
      return { what: word(t, `cev_${code}`) ?? code, ...noted('plan_') };
    case 'gate':
      // The note is the direction: it is part of what happened, not a remark.
      return { what: word(t, `gate_${note}_${code}`) ?? [note, code].join(' ') };
    case 'inspection':
      return { what: word(t, `insp_${code}`) ?? code, ...noted('outcome_') };
    case 'customs':
      return { what: word(t, `customs_${code}`) ?? code, ...noted('channel_') };
    default:
      return { what: code, ...(note === undefined ? {} : { note }) };
  }
}

/** Newest first: the pane shows what happened last at the top. */
export const newestFirst = (entries: readonly HistoryEntry[]): HistoryEntry[] =>
  [...entries].reverse();
