import { UpstreamError } from './upstream-error';

/** Decides the Authorization header of an upstream call. */
export interface CredentialsProvider {
  authorizationFor(callerAuthorization: string | null): Promise<string | null>;
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
