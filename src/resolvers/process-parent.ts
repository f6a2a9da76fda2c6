import type { UpstreamWrittenProcess } from '../upstream/write-types';
import type { EntityRef } from './parents';

/**
 * The one place a Process answered by a write becomes the `Process` parent. Today `Process` is an id-only stub
 * (EntityRef); when issue 9's Process type lands, point this at its upstream Process mapper (and its shape check).
 */
export function toProcessParent(json: UpstreamWrittenProcess): EntityRef {
  return json;
}
