import { UpstreamError } from '../errors/upstream-failure';

/** Decides the Authorization header of an upstream call. */
export interface CredentialsProvider {
  /** signal: the call's deadline; a provider that fetches tokens stops waiting when it fires. */
  authorizationFor(callerAuthorization: string | null, signal?: AbortSignal): Promise<string | null>;
  /**
   * The upstream refused `authorization` with 401. A provider that can get a fresh one forgets it and returns true
   * (the call is then made once more); passthrough cannot and leaves this out.
   */
  invalidate?(authorization: string): boolean;
}

/** Default: the caller's own header, unchanged. A real upstream refuses anonymous calls, so none is made. */
export function passthroughCredentials(required: boolean): CredentialsProvider {
  return {
    async authorizationFor(callerAuthorization) {
      if (callerAuthorization) return callerAuthorization;
      if (required) throw new UpstreamError({ kind: 'missing-credentials' });
      return null;
    },
  };
}
