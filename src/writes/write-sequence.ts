import type { GraphQLError } from 'graphql';
import type { GatewayErrorCode } from '../errors/error-codes';

// The codes that say the upstream is down or not answering: sending the next write would only add to its load.
const UPSTREAM_UNAVAILABLE_CODES: ReadonlySet<GatewayErrorCode> = new Set([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_TIMEOUT',
]);

/**
 * What one request's mutation fields have done so far, in order: whether any write reached the upstream (the
 * idempotency plugin stores only such answers) and whether a failure said the upstream is unavailable (the later
 * fields are then refused without a call).
 */
export class WriteSequence {
  private reached = false;
  private unavailable: GatewayErrorCode | null = null;

  /** True once a write was sent to the upstream, whatever came back. */
  get sentToUpstream(): boolean {
    return this.reached;
  }

  /** The code of the failure that halted the sequence, or null while writes may still be sent. */
  get haltedBy(): GatewayErrorCode | null {
    return this.unavailable;
  }

  noteSent(): void {
    this.reached = true;
  }

  noteFailure(error: GraphQLError): void {
    const code = error.extensions.code as GatewayErrorCode;
    if (this.unavailable === null && UPSTREAM_UNAVAILABLE_CODES.has(code)) this.unavailable = code;
  }
}
