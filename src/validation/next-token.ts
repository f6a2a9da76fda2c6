// The `$next` token of an `@nextLink`, kept exactly as the upstream wrote it (still percent-encoded): decoding it
// would read a raw `+` as a space (form decoding) and change a base64-style token on the way back.

/**
 * Longest `$next` kept, counted as written in the link. It goes back into one upstream request line (servers take
 * 8-64 KiB) and, inside a cursor about 4/3 its size, into a caller's query (MAX_QUERY_LENGTH defaults to 100 000).
 */
export const MAX_NEXT_TOKEN_LENGTH = 64 * 1024;

// What may stand in a query value as it is: RFC 3986 pchar, `/` and `?`, minus `&` (ends the value) and `%` (below).
const QUERY_VALUE_CHARACTER = /[A-Za-z0-9\-._~!$'()*+,;=:@/?]/;

/** The raw `$next` value of a link (relative or absolute, origin and path ignored), or why there is none usable. */
export function nextTokenOfLink(link: string, param = '$next'): { token: string } | { problem: string } {
  const queryStart = link.indexOf('?');
  const fragmentStart = link.indexOf('#');
  const query =
    queryStart < 0 ? '' : link.slice(queryStart + 1, fragmentStart > queryStart ? fragmentStart : undefined);
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || !isParamName(pair.slice(0, equals), param)) continue;
    const raw = pair.slice(equals + 1);
    if (raw.length === 0) return { problem: '"@nextLink" carries no $next value' };
    const token = toQueryValue(raw);
    if (token === null) return { problem: '"@nextLink" $next value is not well-formed Unicode' };
    if (token.length > MAX_NEXT_TOKEN_LENGTH)
      return { problem: `"@nextLink" $next value is longer than ${MAX_NEXT_TOKEN_LENGTH} characters` };
    return { token };
  }
  return { problem: '"@nextLink" carries no $next value' };
}

function isParamName(name: string, param: string): boolean {
  try {
    return decodeURIComponent(name) === param;
  } catch {
    return false;
  }
}

/** Escapes what a query value cannot hold as it is (a space, non-ASCII, a stray `%`); null for a lone surrogate. */
export function toQueryValue(raw: string): string | null {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) out += char;
    else if (QUERY_VALUE_CHARACTER.test(char)) out += char;
    else {
      const whole = String.fromCodePoint(raw.codePointAt(i)!);
      try {
        out += encodeURIComponent(whole);
      } catch {
        return null;
      }
      i += whole.length - 1;
    }
  }
  return out;
}
