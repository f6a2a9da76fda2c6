import { createHash } from 'node:crypto';
import { getOperationAST, type ExecutionArgs, type ExecutionResult, type GraphQLError } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { GatewayErrorCode } from '../../errors/error-codes';
import { gatewayError } from '../../errors/gateway-error';
import type { GatewayContext } from '../../resolvers/resolver-context';
import type { CallerHashes } from '../../identity/caller-hashes';
import { callerCredentialOf } from '../jwt-authenticator';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  parseIdempotencyKey,
} from '../../writes/idempotency/idempotency-key';
import type { IdempotencyStore, StoredAnswer } from '../../writes/idempotency/idempotency-store';
import { requestFingerprint } from '../../writes/idempotency/request-fingerprint';
import type { WriteSequence } from '../../writes/write-sequence';

export interface IdempotencyOptions {
  store: IdempotencyStore;
  identity: CallerHashes;
  ttlMs: number;
  /** IDEMPOTENCY_REQUIRED: a mutation without a key is refused. */
  required: boolean;
  /** Observer of each keyed mutation's fate (metrics). */
  onDecision?: (decision: IdempotencyDecision) => void;
}

/** What happened to a mutation because of its key (or its missing one). */
export type IdempotencyDecision =
  'claimed' | 'replayed' | 'in_use' | 'reused' | 'unavailable' | 'malformed' | 'required';

/** A request that holds a slot (to finish or release once answered), or one answered from the store. */
type Pending =
  | { kind: 'claimed'; slot: string; fingerprint: string; sequence: WriteSequence; context: GatewayContext }
  | { kind: 'replay'; answer: StoredAnswer };

type IdempotencyContext = YogaInitialContext & GatewayContext;

const replays = new WeakMap<Request, StoredAnswer>();

/** The stored answer a request is being answered with (swapped in at onResponse), for the request's log line. */
export function idempotentReplayOf(request: Request): StoredAnswer | undefined {
  return replays.get(request);
}

/**
 * Idempotency keys on mutations (docs/mutations.md): after validation and the write budget, a mutation carrying
 * `Idempotency-Key` claims its slot (caller identity + key) before any write; the same request again is answered
 * from the store byte for byte, never executed twice. Answers that followed an upstream request are kept whatever
 * their outcome; answers refused before any upstream call free the key. Queries ignore the header.
 */
export function useIdempotency({ store, identity, ttlMs, required, onDecision }: IdempotencyOptions): Plugin {
  const pending = new WeakMap<Request, Pending>();
  // The hooks return at once for a query (or a response with nothing held): async ones would make every request's
  // execution and response wait on a promise.
  const claimSlot = async (
    args: ExecutionArgs,
    setResultAndStopExecution: (result: ExecutionResult) => void,
  ): Promise<void> => {
    const context = args.contextValue as unknown as IdempotencyContext;
    const { request, params } = context;
    const refuse = (error: GraphQLError) => setResultAndStopExecution({ errors: [error] });
    const header = request.headers.get(IDEMPOTENCY_KEY_HEADER);
    if (header === null) {
      if (!required) return;
      onDecision?.('required');
      refuse(
        refusal('IDEMPOTENCY_KEY_REQUIRED', 400, 'This gateway requires an Idempotency-Key header on every mutation.'),
      );
      return;
    }
    const key = parseIdempotencyKey(header);
    if (key === null) {
      onDecision?.('malformed');
      refuse(
        refusal(
          'BAD_REQUEST',
          400,
          'The Idempotency-Key header must be 1 to 255 visible ASCII characters (0x21–0x7E).',
        ),
      );
      return;
    }
    const slot = `${identity.idempotencyIdentity(callerCredentialOf(request))}:${createHash('sha256').update(key).digest('base64url')}`;
    const persisted = (params.extensions?.persistedQuery as { sha256Hash?: string } | undefined)?.sha256Hash;
    const fingerprint = requestFingerprint({
      document: params.query ?? persisted ?? null,
      operationName: params.operationName ?? null,
      variables: params.variables ?? null,
    });
    let claim;
    try {
      claim = await store.claim(slot, fingerprint, ttlMs);
    } catch (error) {
      context.logger.warn({ err: error }, 'idempotency store unavailable: request with a key refused');
      onDecision?.('unavailable');
      refuse(
        refusal(
          'IDEMPOTENCY_UNAVAILABLE',
          503,
          'Idempotency keys cannot be checked right now; nothing was sent. Retry later with the same key.',
        ),
      );
      return;
    }
    onDecision?.(
      claim.kind === 'claimed'
        ? 'claimed'
        : claim.fingerprint !== fingerprint
          ? 'reused'
          : claim.kind === 'in-flight'
            ? 'in_use'
            : 'replayed',
    );
    if (claim.kind === 'claimed') {
      pending.set(request, { kind: 'claimed', slot, fingerprint, sequence: context.writes.sequence, context });
    } else if (claim.fingerprint !== fingerprint) {
      refuse(
        refusal(
          'IDEMPOTENCY_KEY_REUSED',
          422,
          'This Idempotency-Key was used for a different request (document, operation name or variables); use a new key.',
        ),
      );
    } else if (claim.kind === 'in-flight') {
      refuse(
        refusal(
          'IDEMPOTENCY_KEY_IN_USE',
          409,
          'A request with this Idempotency-Key is still running; retry later with the same key.',
        ),
      );
    } else {
      context.logger.info({ idempotency: { replayed: true, status: claim.answer.status } }, 'idempotent replay');
      pending.set(request, { kind: 'replay', answer: claim.answer });
      replays.set(request, claim.answer);
      // Replaced by the stored answer in onResponse.
      setResultAndStopExecution({ data: null });
    }
  };

  const settle = async (
    held: Pending,
    response: Response,
    setResponse: (response: Response) => void,
  ): Promise<void> => {
    if (held.kind === 'replay') {
      const headers = new Headers(response.headers);
      headers.set('content-length', String(Buffer.byteLength(held.answer.body)));
      if (held.answer.contentType !== null) headers.set('content-type', held.answer.contentType);
      headers.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
      setResponse(new Response(held.answer.body, { status: held.answer.status, headers }));
      return;
    }
    const { slot, fingerprint, sequence, context } = held;
    try {
      if (!sequence.sentToUpstream) {
        await store.release(slot, fingerprint);
        return;
      }
      const body = await response.text();
      setResponse(new Response(body, { status: response.status, headers: response.headers }));
      await store.finish(
        slot,
        fingerprint,
        { status: response.status, contentType: response.headers.get('content-type'), body },
        ttlMs,
      );
    } catch (error) {
      // The claim stays until its TTL: a retry then meets IDEMPOTENCY_KEY_IN_USE, never a second write.
      context.logger.warn({ err: error }, 'idempotency store unavailable: answer not kept, the key stays claimed');
    }
  };

  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return claimSlot(args, setResultAndStopExecution);
    },
    onResponse({ request, response, setResponse }) {
      const held = pending.get(request);
      if (!held) return;
      pending.delete(request);
      return settle(held, response, setResponse);
    },
  };
}

function refusal(code: GatewayErrorCode, status: number, message: string): GraphQLError {
  return gatewayError(code, message, { http: { status }, outcome: 'NOT_APPLIED' });
}
