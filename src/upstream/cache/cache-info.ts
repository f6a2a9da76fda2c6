import type { CacheNotice } from './cached-answer';

/** The request header that asks for `extensions.cache`; without it answers stay byte-identical. */
export const CACHE_INFO_HEADER = 'x-gateway-cache-info';

/** What one operation learnt about its upstream answers: the oldest one decides what it reports. */
export class CacheInfoCollector {
  private oldest: CacheNotice | null = null;

  readonly record = (notice: CacheNotice): void => {
    if (
      this.oldest === null ||
      notice.ageMs > this.oldest.ageMs ||
      (this.oldest.tier === 'upstream' && notice.tier !== 'upstream')
    ) {
      this.oldest = notice;
    }
  };

  /** `{ age, tier }`: age in ms of the oldest answer used; tier 'upstream' when every answer was fresh (or none was read). */
  get extension(): { age: number; tier: CacheNotice['tier'] } {
    return { age: this.oldest?.ageMs ?? 0, tier: this.oldest?.tier ?? 'upstream' };
  }
}
