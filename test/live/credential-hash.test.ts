import { CredentialHasher } from '../../src/live/credential-hash';
import { pollKeyString } from '../../src/live/live-event';

describe('poll keys', () => {
  it('carry a salted hash of the credential, never the credential; equal credentials match, different ones do not', () => {
    const hasher = new CredentialHasher(false);
    const token = 'Bearer secret-token-123';
    const key = pollKeyString({ runId: 'run-1', excludeGeneratedJobs: false, credentialHash: hasher.hash(token) });
    expect(key).not.toContain('secret-token-123');
    expect(hasher.hash(token)).toBe(hasher.hash(token));
    expect(hasher.hash(token)).not.toBe(hasher.hash('Bearer other'));
    // Salted per process: another process (or a leaked key) cannot confirm a guessed token.
    expect(new CredentialHasher(false).hash(token)).not.toBe(hasher.hash(token));
  });

  it('LIVE_CREDENTIAL_SECRET: processes with the same secret hash alike (replicas can share loops); another secret does not', () => {
    const secret = 'a-shared-secret-of-at-least-32-characters';
    const token = 'Bearer secret-token-123';
    expect(new CredentialHasher(false, secret).hash(token)).toBe(new CredentialHasher(false, secret).hash(token));
    expect(new CredentialHasher(false, `${secret}!`).hash(token)).not.toBe(
      new CredentialHasher(false, secret).hash(token),
    );
    expect(new CredentialHasher(false, secret).hash(token)).not.toContain('secret-token-123');
    expect(new CredentialHasher(false, secret).sharedAcrossProcesses).toBe(true);
    expect(new CredentialHasher(false).sharedAcrossProcesses).toBe(false);
    expect(new CredentialHasher(true).sharedAcrossProcesses).toBe(true);
  });

  it('client-credentials mode: every caller has the same key part (the upstream only sees the gateway token)', () => {
    const hasher = new CredentialHasher(true);
    expect(hasher.hash('Bearer alice')).toBe(hasher.hash('Bearer bob'));
    expect(hasher.hash(null)).toBe(hasher.hash('Bearer bob'));
  });
});
