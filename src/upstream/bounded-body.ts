import type { Dispatcher } from 'undici';
import { UpstreamError } from '../errors/upstream-failure';

/**
 * An upstream body as text, refused (bad-response, the socket dropped) past `maxBytes`: up front from
 * Content-Length when sent, else while streaming. `what` names the body in the failure reason.
 */
export async function readBodyWithin(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
  contentLength: string | string[] | undefined,
  what = 'the body',
): Promise<string> {
  const tooLarge = () => {
    body.destroy();
    return new UpstreamError({ kind: 'bad-response', reason: `${what} is larger than ${maxBytes} bytes` });
  };
  if (typeof contentLength === 'string' && Number(contentLength) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
