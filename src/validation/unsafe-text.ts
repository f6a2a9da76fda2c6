// The one rule for text the gateway refuses to send on: ids, names, filters and prose inputs all use it.

// C0, DEL and C1 control characters; lone UTF-16 surrogates cannot be percent-encoded or sent as UTF-8 at all.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// Prose (instructions): line breaks and tabs are fine, other control characters are not.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` must not be sent on (control characters, broken Unicode), completing "it …"; null when it is fine. */
export function unsafeTextProblem(
  text: string,
  { lineBreaksAllowed = false }: { lineBreaksAllowed?: boolean } = {},
): string | null {
  if (lineBreaksAllowed) {
    if (CONTROL_CHARACTERS_BUT_LINE_BREAKS.test(text))
      return 'must not contain control characters other than line breaks and tabs';
  } else if (CONTROL_CHARACTERS.test(text)) {
    return 'must not contain control characters';
  }
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode';
  return null;
}
