import { createHash, createHmac } from 'node:crypto';
import { loadLiveConfig } from '../../src/config/live-config';
import { CallerHashes, type CallerCredential } from '../../src/identity/caller-hashes';
import { pollKeyString } from '../../src/live/live-event';

// Every value below was computed by the four classes this module replaced (CallerKeys, CallerIdentity,
// CredentialScope, CredentialHasher) for these inputs. They sit in Redis and cross a rolling deploy: they never change.
const SECRET = 'pinned-live-credential-secret-0123456789';
const IDEMPOTENCY_SECRET = 'pinned-idempotency-secret-0123456789abcd';
const AUTHORIZATION = 'Bearer pinned-token-abc123';
const JWT = { issuer: 'https://issuer.example/', subject: 'user-42' };

const passthrough = (authorization: string | null): CallerCredential => ({ authorization });
// A JWT caller's own Authorization (the token) plays no part in any derivation.
const jwtCaller: CallerCredential = { jwt: JWT, authorization: 'Bearer some.jwt.value' };

const hmac32 = (key: string, ...parts: string[]) => {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest('base64url').slice(0, 32);
};

describe('caller hashes: the values stored in Redis stay those of the previous release', () => {
  const hashes = new CallerHashes({
    credentialSecret: SECRET,
    idempotencySecret: IDEMPOTENCY_SECRET,
    idempotencyStoreShared: true,
  });

  it('audit caller: HMAC-SHA256(LIVE_CREDENTIAL_SECRET, Authorization), 32 base64url characters; JWT as sub/iss', () => {
    expect(hashes.auditCaller(passthrough(AUTHORIZATION))).toEqual({
      credentialHash: 'vSAp02haxC79fNXUJYqs2F0r0SBS4kFu',
    });
    expect(hashes.auditCaller(passthrough(AUTHORIZATION))).toEqual({ credentialHash: hmac32(SECRET, AUTHORIZATION) });
    expect(hashes.auditCaller(jwtCaller)).toEqual({ sub: 'user-42', iss: 'https://issuer.example/' });
    expect(hashes.auditCaller(passthrough(null))).toEqual({ anonymous: true });
    expect(hashes.auditCaller(passthrough(''))).toEqual({ anonymous: true });
  });

  it('budget key: credential:<audit hash>; jwt:<unkeyed SHA-256 of iss\\nsub>, alike whatever the secret', () => {
    expect(hashes.budgetKey(passthrough(AUTHORIZATION))).toBe('credential:vSAp02haxC79fNXUJYqs2F0r0SBS4kFu');
    expect(hashes.budgetKey(jwtCaller)).toBe('jwt:ERoZmzNcCS3wfkNpKzMldh9I781oek1z');
    expect(hashes.budgetKey(jwtCaller)).toBe(
      `jwt:${createHash('sha256').update(`${JWT.issuer}\n${JWT.subject}`).digest('base64url').slice(0, 32)}`,
    );
    expect(new CallerHashes({ credentialSecret: null }).budgetKey(jwtCaller)).toBe(
      'jwt:ERoZmzNcCS3wfkNpKzMldh9I781oek1z',
    );
    expect(hashes.budgetKey(passthrough(null))).toBe('anonymous');
    expect(hashes.budgetKey(passthrough(''))).toBe('anonymous');
  });

  it("cache scope: HMAC-SHA256(LIVE_CREDENTIAL_SECRET, 'upstream-cache\\0' + Authorization); 'gateway' with client credentials", () => {
    expect(hashes.cacheScope(AUTHORIZATION)).toBe('I-GAmAWD-6MxZKjGXmMslqQiUOCF7fHH');
    expect(hashes.cacheScope(AUTHORIZATION)).toBe(hmac32(SECRET, 'upstream-cache\0', AUTHORIZATION));
    expect(hashes.cacheScope('')).toBe('3OhX9Lr1RMaOAqeoPJu0xhoygPBG2-g_');
    expect(hashes.cacheScope(null)).toBe('anonymous');
    const clientCredentials = new CallerHashes({ credentialSecret: SECRET, clientCredentialsMode: true });
    expect(clientCredentials.cacheScope(AUTHORIZATION)).toBe('gateway');
    expect(clientCredentials.cacheScope(null)).toBe('gateway');
  });

  it("poll key: HMAC-SHA256(LIVE_CREDENTIAL_SECRET, Authorization) (the audit hash); 'gateway-token' with client credentials", () => {
    expect(hashes.pollKey(AUTHORIZATION)).toBe('vSAp02haxC79fNXUJYqs2F0r0SBS4kFu');
    expect(hashes.pollKey('')).toBe('Xz-D4edQRs8VWYkZjUez8YRuTgyqrlBP');
    expect(hashes.pollKey('')).toBe(hmac32(SECRET, ''));
    expect(hashes.pollKey(null)).toBe('anonymous');
    const clientCredentials = new CallerHashes({ credentialSecret: SECRET, clientCredentialsMode: true });
    expect(clientCredentials.pollKey(AUTHORIZATION)).toBe('gateway-token');
    expect(clientCredentials.pollKey(null)).toBe('gateway-token');
  });

  it('idempotency identity: HMAC-SHA256(IDEMPOTENCY_SECRET, …), whatever the store; jwt:<HMAC of iss\\nsub>', () => {
    expect(hashes.idempotencyIdentity(passthrough(AUTHORIZATION))).toBe('QFBXism4GEcovh0DJ5Qn_HOcfENRS06Q');
    expect(hashes.idempotencyIdentity(passthrough(AUTHORIZATION))).toBe(hmac32(IDEMPOTENCY_SECRET, AUTHORIZATION));
    const inMemory = new CallerHashes({ credentialSecret: null, idempotencySecret: IDEMPOTENCY_SECRET });
    expect(inMemory.idempotencyIdentity(passthrough(AUTHORIZATION))).toBe('QFBXism4GEcovh0DJ5Qn_HOcfENRS06Q');
    expect(hashes.idempotencyIdentity(jwtCaller)).toBe('jwt:RgOSQv9UN9Sp82HY1ed-POQ9ZwThCufX');
    expect(hashes.idempotencyIdentity(passthrough(''))).toBe('AWoZMKvGnOE0tuP3hMe4UIRnI4zATtvK');
    expect(hashes.idempotencyIdentity(passthrough(null))).toBe('anonymous');
  });

  it('idempotency identity without IDEMPOTENCY_SECRET but with Redis: the fixed public key every replica shares', () => {
    const unkeyed = new CallerHashes({ credentialSecret: SECRET, idempotencyStoreShared: true });
    expect(unkeyed.idempotencyIdentity(passthrough(AUTHORIZATION))).toBe('X0zJduUobDU5OqeZtbrv_CoGdDXUPZoC');
    expect(unkeyed.idempotencyIdentity(jwtCaller)).toBe('jwt:b6LmjfFfIEoa2Kjl4z7ynVSjd-4gh0LA');
    expect(unkeyed.idempotencyIdentity(passthrough(AUTHORIZATION))).toBe(
      hmac32('process-runs-gateway idempotency caller', AUTHORIZATION),
    );
  });

  it('LIVE_CREDENTIAL_SECRET as a comma list: the first key hashes, as config hands it over', () => {
    const other = 'another-live-credential-secret-0123456789';
    const { credentialSecret } = loadLiveConfig({ LIVE_CREDENTIAL_SECRET: `${SECRET},${other}` });
    const fromList = new CallerHashes({ credentialSecret });
    expect(fromList.auditCaller(passthrough(AUTHORIZATION))).toEqual({
      credentialHash: 'vSAp02haxC79fNXUJYqs2F0r0SBS4kFu',
    });
    expect(fromList.cacheScope(AUTHORIZATION)).toBe('I-GAmAWD-6MxZKjGXmMslqQiUOCF7fHH');
    expect(fromList.pollKey(AUTHORIZATION)).toBe('vSAp02haxC79fNXUJYqs2F0r0SBS4kFu');
  });
});

describe('caller hashes: key policy', () => {
  const token = 'Bearer secret-token-123';

  it('never contain the credential; equal credentials match, different ones do not', () => {
    const hashes = new CallerHashes({ credentialSecret: null });
    const key = pollKeyString({ runId: 'run-1', excludeGeneratedJobs: false, credentialHash: hashes.pollKey(token) });
    expect(key).not.toContain('secret-token-123');
    expect(hashes.cacheScope(token)).not.toContain('secret-token-123');
    expect(hashes.idempotencyIdentity(passthrough(token))).not.toContain('secret-token-123');
    expect(hashes.pollKey(token)).toBe(hashes.pollKey(token));
    expect(hashes.pollKey(token)).not.toBe(hashes.pollKey('Bearer other'));
    // The cache scope is domain-separated from the poll key made with the same key.
    expect(hashes.cacheScope(token)).not.toBe(hashes.pollKey(token));
  });

  it('without secrets: a random key per process, so another process (or a leaked key) cannot confirm a guessed token', () => {
    const [a, b] = [new CallerHashes({ credentialSecret: null }), new CallerHashes({ credentialSecret: null })];
    expect(a.pollKey(token)).not.toBe(b.pollKey(token));
    expect(a.cacheScope(token)).not.toBe(b.cacheScope(token));
    expect(a.auditCaller(passthrough(token))).not.toEqual(b.auditCaller(passthrough(token)));
    expect(a.idempotencyIdentity(passthrough(token))).not.toBe(b.idempotencyIdentity(passthrough(token)));
    expect(a.sharedAcrossProcesses).toBe(false);
    expect(a.callersNamedAlikeAcrossProcesses).toBe(false);
  });

  it('with the same secrets processes agree (replicas can share through Redis); another secret does not', () => {
    const keys = { credentialSecret: SECRET, idempotencySecret: IDEMPOTENCY_SECRET };
    const [a, b] = [new CallerHashes(keys), new CallerHashes(keys)];
    const other = new CallerHashes({ credentialSecret: `${SECRET}!`, idempotencySecret: `${IDEMPOTENCY_SECRET}!` });
    expect(a.pollKey(token)).toBe(b.pollKey(token));
    expect(a.cacheScope(token)).toBe(b.cacheScope(token));
    expect(a.idempotencyIdentity(passthrough(token))).toBe(b.idempotencyIdentity(passthrough(token)));
    expect(other.pollKey(token)).not.toBe(a.pollKey(token));
    expect(other.cacheScope(token)).not.toBe(a.cacheScope(token));
    expect(other.idempotencyIdentity(passthrough(token))).not.toBe(a.idempotencyIdentity(passthrough(token)));
    expect(a.sharedAcrossProcesses).toBe(true);
    expect(a.callersNamedAlikeAcrossProcesses).toBe(true);
  });

  it('client-credentials mode: every caller shares one cache scope and poll key; audit and budgets still tell them apart', () => {
    const hashes = new CallerHashes({ credentialSecret: null, clientCredentialsMode: true });
    expect(hashes.sharedAcrossProcesses).toBe(true);
    expect(hashes.pollKey('Bearer alice')).toBe(hashes.pollKey('Bearer bob'));
    expect(hashes.pollKey(null)).toBe(hashes.pollKey('Bearer bob'));
    expect(hashes.cacheScope('Bearer alice')).toBe(hashes.cacheScope(null));
    expect(hashes.budgetKey(passthrough('Bearer alice'))).not.toBe(hashes.budgetKey(passthrough('Bearer bob')));
    expect(hashes.callersNamedAlikeAcrossProcesses).toBe(false);
  });

  it('the idempotency key is its own: IDEMPOTENCY_SECRET, never LIVE_CREDENTIAL_SECRET', () => {
    const hashes = new CallerHashes({ credentialSecret: SECRET, idempotencySecret: IDEMPOTENCY_SECRET });
    expect(hashes.idempotencyIdentity(passthrough(token))).not.toBe(hmac32(SECRET, token));
    // Without IDEMPOTENCY_SECRET and without Redis: random per process, not LIVE_CREDENTIAL_SECRET.
    const local = new CallerHashes({ credentialSecret: SECRET });
    expect(local.idempotencyIdentity(passthrough(token))).not.toBe(hmac32(SECRET, token));
    expect(local.idempotencyIdentity(passthrough(token))).not.toBe(
      new CallerHashes({ credentialSecret: SECRET }).idempotencyIdentity(passthrough(token)),
    );
  });
});
