// "Start a run" with safe retries: the typed StartRun operation of examples/frontend-queries, sent through the
// idempotent client. Whatever happens to the connection, the process is started at most once per call.
import { StartRunDocument, type StartRunMutation } from '../frontend-queries/generated/graphql';
import { adviceFor, IdempotentClient, type IdempotentClientOptions } from './idempotent-client';

export type StartRunResult =
  | { started: NonNullable<StartRunMutation['runProcess']>; idempotencyKey: string }
  | { started: null; idempotencyKey: string; advice: string; code: string | null };

export async function startRun(
  options: IdempotentClientOptions,
  processId: string,
  idempotencyKey?: string,
): Promise<StartRunResult> {
  const answer = await new IdempotentClient(options).mutate(StartRunDocument, { processId }, idempotencyKey);
  if (answer.kind === 'gave-up') {
    // Not known whether it started: call startRun again later with this key (it replays, never starts a second run).
    return {
      started: null,
      idempotencyKey: answer.idempotencyKey,
      advice: 'retry-later-with-the-same-key',
      code: null,
    };
  }
  const run = answer.data?.runProcess ?? null;
  if (run) return { started: run, idempotencyKey: answer.idempotencyKey };
  const error = answer.errors[0];
  return {
    started: null,
    idempotencyKey: answer.idempotencyKey,
    advice: error ? adviceFor(error) : 'look-before-sending-again-with-a-new-key',
    code: (error?.extensions?.code as string | undefined) ?? null,
  };
}
