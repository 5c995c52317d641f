import { refuse } from './domain-error';

/**
 * What a reader cannot see: white space of any script (ideographic space included), control
 * characters (Cc), format characters (Cf: zero-width spaces and joiners U+200B–U+200D, the word
 * joiner U+2060, the byte-order mark U+FEFF, the soft hyphen, bidi marks, …) and the other code
 * points Unicode says to render as nothing (Default_Ignorable_Code_Point: the Hangul fillers, the
 * combining grapheme joiner, variation selectors).
 */
const INVISIBLE_ONLY = /^[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u;
const CONTROL = /\p{Cc}/u;

/** The one rule for "blank": nothing a reader could see. */
export function isBlank(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}

/** NUL, a line break, an escape or any other control character (Unicode category Cc). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** Why a record's name is refused, or null when it is fine: not blank, and no control character anywhere. */
export function nameProblem(name: string): string | null {
  if (isBlank(name)) return 'must not be blank (white space or invisible characters only)';
  if (hasControlCharacter(name)) return 'must not contain control characters (NUL, line breaks, tabs, …)';
  return null;
}

/** Refuses blank text with the rule's own code (`TEXT_REQUIRED`, `REASON_REQUIRED`, …), naming the field. */
export function mustHaveText(code: string, field: string, value: string, why: string): void {
  if (isBlank(value)) refuse(code, why, { field });
}

/** Refuses a name that is blank or holds a control character: bad input (`INVALID_NAME`, HTTP 400), naming the field. */
export function mustBeName(field: string, value: string): void {
  const problem = nameProblem(value);
  if (problem !== null) refuse('INVALID_NAME', `${field} ${problem}`, { field });
}
