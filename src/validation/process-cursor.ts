import { type KeyObject, createHash, createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { inputRefusal } from './input-refusal';
import { MAX_NEXT_TOKEN_LENGTH, toQueryValue } from './next-token';
import type { ProcessListArguments } from './process-list-arguments';

const VERSION = 'v1';
const DIGEST_BYTES = 12;
const MAC_BYTES = 16;
const base64urlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);
// The longest cursor encode() can make: the longest accepted `$next` (a query value: ASCII, no `"` or `\`, so one
// JSON byte per character), the JSON around it, base64url.
const MAX_PAYLOAD_BYTES =
  JSON.stringify({ n: '', a: 'x'.repeat(base64urlLength(DIGEST_BYTES)) }).length + MAX_NEXT_TOKEN_LENGTH;
const MAX_CURSOR_LENGTH = `${VERSION}..`.length + base64urlLength(MAX_PAYLOAD_BYTES) + base64urlLength(MAC_BYTES);

/** Where a cursor leads: the upstream `$next` token, or null once the list is exhausted (an empty page follows). */
export interface DecodedCursor {
  nextToken: string | null;
}

/**
 * Opaque, versioned `processes` cursors: `v1.<payload>.<mac>`. The payload holds only the upstream's `$next`
 * token and a digest of the query's arguments; the HMAC (keyed by CURSOR_SECRET, or a random per-process key)
 * makes a tampered or foreign cursor detectable before any upstream call.
 */
export class ProcessCursorCodec {
  /** The first signs; every one verifies (CURSOR_SECRET rotation: cursors in flight keep working). */
  private readonly keys: KeyObject[];

  constructor(secret: string | readonly string[] | null) {
    const secrets = secret === null ? [] : typeof secret === 'string' ? [secret] : secret;
    // KeyObjects made once: an HMAC keyed with a Buffer converts the key on every call.
    this.keys = (secrets.length === 0 ? [randomBytes(32)] : secrets.map((key) => Buffer.from(key, 'utf8'))).map((key) =>
      createSecretKey(key),
    );
  }

  encode(args: ProcessListArguments, nextToken: string | null): string {
    const payload = Buffer.from(JSON.stringify({ n: nextToken, a: argumentsDigest(args) }), 'utf8').toString(
      'base64url',
    );
    return `${VERSION}.${payload}.${this.mac(payload, this.keys[0]!)}`;
  }

  /** The cursor's token, or BAD_USER_INPUT when it is not one of ours or was made for other arguments. */
  decode(cursor: string, args: ProcessListArguments): DecodedCursor {
    const parts = cursor.length <= MAX_CURSOR_LENGTH ? cursor.split('.') : [];
    if (parts.length !== 3 || parts[0] !== VERSION) throw invalid('it is not a processes cursor of this version');
    const [, payload, mac] = parts as [string, string, string];
    const given = Buffer.from(mac, 'utf8');
    const signedByOneOfOurs = this.keys.some((key) => {
      const expected = Buffer.from(this.mac(payload, key), 'utf8');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!signedByOneOfOurs) {
      throw invalid('it was altered or not issued by this gateway');
    }
    let decoded: { n?: unknown; a?: unknown };
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { n?: unknown; a?: unknown };
    } catch {
      throw invalid('it was altered or not issued by this gateway');
    }
    if (decoded.a !== argumentsDigest(args)) {
      throw invalid('it was made for other arguments (first, filter and orderBy must stay the same while paging)');
    }
    if (decoded.n === null) return { nextToken: null };
    // A cursor issued before tokens were kept as written holds a decoded token: made a query value again here.
    const token = typeof decoded.n === 'string' ? toQueryValue(decoded.n) : null;
    if (token === null) throw invalid('it was altered or not issued by this gateway');
    return { nextToken: token };
  }

  private mac(payload: string, key: KeyObject): string {
    return createHmac('sha256', key)
      .update(`${VERSION}.${payload}`)
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url');
  }
}

function argumentsDigest({ pageSize, nameContains, orderBy }: ProcessListArguments): string {
  return createHash('sha256')
    .update(JSON.stringify([pageSize, nameContains, orderBy]))
    .digest()
    .subarray(0, DIGEST_BYTES)
    .toString('base64url');
}

function invalid(reason: string) {
  return inputRefusal('after', reason, { message: `Invalid cursor in "after": ${reason}.`, argumentName: 'after' });
}
