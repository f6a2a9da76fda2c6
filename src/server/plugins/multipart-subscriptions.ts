// Subscriptions over HTTP multipart, Apollo's `subscriptionSpec=1.0` protocol (Apollo Client's HttpLink, Hive Router):
// each event a part `{"payload": <result>}`, a `{}` heartbeat part every few seconds, a transport error as
// `{"payload": null, "errors": [...]}`, then the closing boundary. Yoga serves multipart for @defer only.
import { isAsyncIterable, type ExecutionResult } from '@envelop/core';
import type { Plugin } from 'graphql-yoga';

const BOUNDARY = 'graphql';
export const MULTIPART_SUBSCRIPTION_CONTENT_TYPE = `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec="1.0"`;

/** Whether an Accept header asks for Apollo's multipart subscriptions (`multipart/mixed` with `subscriptionSpec=1.0`). */
export function acceptsMultipartSubscription(accept: string): boolean {
  return accept
    .toLowerCase()
    .split(',')
    .some((range) => {
      const [mediaType, ...parameters] = range.split(';').map((part) => part.trim());
      return (
        mediaType === 'multipart/mixed' &&
        parameters.some((parameter) => parameter.replace(/"/g, '') === 'subscriptionspec=1.0')
      );
    });
}

/** Serves a subscription as Apollo's multipart protocol when its Accept asks for it (SSE stays Yoga's own). */
export function useMultipartSubscriptions(heartbeatMs: number): Plugin {
  const multipart = new WeakSet<Request>();
  return {
    onSubscribe({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request && acceptsMultipartSubscription(request.headers.get('accept') ?? '')) multipart.add(request);
    },
    onResultProcess({ request, setResultProcessor }) {
      if (!multipart.has(request)) return;
      setResultProcessor(
        (result, fetchAPI) => multipartSubscriptionResponse(result as never, fetchAPI, heartbeatMs),
        'multipart/mixed',
      );
    },
  };
}

type Result = ExecutionResult | AsyncIterable<ExecutionResult>;

function multipartSubscriptionResponse(
  result: Result,
  fetchAPI: { ReadableStream: typeof ReadableStream; Response: typeof Response; TextEncoder: typeof TextEncoder },
  heartbeatMs: number,
): Response {
  const encoder = new fetchAPI.TextEncoder();
  const part = (body: unknown) =>
    encoder.encode(`\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(body)}\r\n--${BOUNDARY}`);
  let iterator: AsyncIterator<ExecutionResult> | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    clearInterval(heartbeat);
    controller.enqueue(encoder.encode('--\r\n'));
    controller.close();
  };
  const stream = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\r\n--${BOUNDARY}`));
      if (!isAsyncIterable(result)) {
        // Refused before it started (a bound, a bad id): the errors as a transport error, then the end.
        controller.enqueue(
          part(
            result.errors?.length && result.data == null
              ? { payload: null, errors: result.errors }
              : { payload: result },
          ),
        );
        finish(controller);
        return;
      }
      iterator = result[Symbol.asyncIterator]();
      heartbeat = setInterval(() => controller.enqueue(part({})), heartbeatMs);
    },
    async pull(controller) {
      if (!iterator) return;
      try {
        const { done, value } = await iterator.next();
        if (done) return finish(controller);
        controller.enqueue(part({ payload: value }));
      } catch {
        // An event source that throws is this gateway's bug: said without details, like a masked error.
        controller.enqueue(
          part({
            payload: null,
            errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          }),
        );
        finish(controller);
      }
    },
    async cancel() {
      clearInterval(heartbeat);
      await iterator?.return?.();
    },
  });
  return new fetchAPI.Response(stream, {
    status: 200,
    headers: {
      'content-type': MULTIPART_SUBSCRIPTION_CONTENT_TYPE,
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    },
  });
}
