// The shapes the EDIFACT modules share: separators, segments as the tokenizer reads them,
// and the one error shape every layer reports in.

/** The service characters of an interchange (UNA, or the defaults of ISO 9735). */
export interface Separators {
  /** Separates the components of a composite data element (default `:`). */
  component: string;
  /** Separates the data elements of a segment (default `+`). */
  element: string;
  /** Decimal mark of numeric values (default `.`); read, not used by the mappers. */
  decimal: string;
  /** Release character (default `?`): the next character is data. Null when not used. */
  release: string | null;
  /** Repetition separator (syntax version 4); null when UNA gives a space. */
  repetition: string | null;
  /** Ends a segment (default `'`). */
  segment: string;
}

/** One segment: its tag and its data elements, each an array of components. */
export interface Segment {
  tag: string;
  /** The data elements after the tag; `elements[0]` is the first data element. */
  elements: string[][];
  /** Position in the interchange, from 1 (UNA is not a segment; UNB is normally 1). */
  position: number;
  /** The line of the input the segment starts on, from 1 (for people reading the file). */
  line: number;
}

/**
 * One problem. `message` is the message reference (UNH 0062) and `segment` the segment
 * number within that message (UNH = 1). For an interchange-level problem `message` is
 * null and `segment` is the position in the interchange (UNB = 1).
 */
export interface EdifactError {
  message: string | null;
  segment: number;
  reason: string;
}
