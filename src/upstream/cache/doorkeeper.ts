// How many distinct keys one generation remembers: two generations bound the memory (two Sets of small integers).
const GENERATION_KEYS = 16_384;

/** FNV-1a of the key, cut to 30 bits so that V8 keeps each one as a small integer (no heap number per entry). */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/**
 * Admits an upstream answer to the local tier only when its key was asked for recently before: an answer read once
 * and never again is not kept (issue 22, worst case). A hash collision merely admits an answer.
 */
export class Doorkeeper {
  private current = new Set<number>();
  private previous = new Set<number>();

  constructor(private readonly generationKeys = GENERATION_KEYS) {}

  /** True when `key` was asked for within the last one or two generations; remembers it either way. */
  admits(key: string): boolean {
    const hash = hashOf(key);
    if (this.current.has(hash)) return true;
    const seen = this.previous.has(hash);
    if (this.current.size >= this.generationKeys) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(hash);
    return seen;
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}
