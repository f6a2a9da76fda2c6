import pino from 'pino';
import { GraphQLError } from 'graphql';
import { performWrite } from '../../src/writes/perform-write';
import { WriteSequence } from '../../src/writes/write-sequence';

function context() {
  const loader = { clear: () => undefined, clearAll: () => undefined };
  const sequence = new WriteSequence();
  return {
    sequence,
    context: {
      logger: pino({ level: 'silent' }),
      loaders: { processRun: loader, process: loader, processPage: loader } as never,
      writes: { sequence },
    },
  };
}

describe('performWrite – an unexpected error inside a write', () => {
  it('is masked as INTERNAL_SERVER_ERROR with outcome UNKNOWN and counts as reached (an idempotency key keeps it)', async () => {
    const { sequence, context: ctx } = context();
    const failure = performWrite(
      ctx,
      { name: 'runProcess', resource: 'process' },
      () => ({ id: 'p' }),
      async () => {
        throw new TypeError('a bug after the call');
      },
    );
    await expect(failure).rejects.toBeInstanceOf(GraphQLError);
    await failure.catch((error: GraphQLError) => {
      expect([error.message, error.extensions]).toEqual([
        'Unexpected error.',
        { code: 'INTERNAL_SERVER_ERROR', outcome: 'UNKNOWN' },
      ]);
    });
    expect(sequence.sentToUpstream).toBe(true);
  });

  it('an input refusal before the call is NOT_APPLIED and does not count as reached', async () => {
    const { sequence, context: ctx } = context();
    const refusal = new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT', field: 'processId' } });
    await expect(
      performWrite(
        ctx,
        { name: 'runProcess', resource: 'process' },
        () => {
          throw refusal;
        },
        async () => 'never',
      ),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'processId', outcome: 'NOT_APPLIED' } });
    expect(sequence.sentToUpstream).toBe(false);
  });
});
