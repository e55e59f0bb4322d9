/**
 * Searches per client address, as a token bucket: a person typing or paging is never near
 * the limit (a burst of `burst`, then `perSecond`), a script looping on the search page is.
 * Kept in memory and bounded in size, so a flood of addresses cannot grow it without end.
 */
export interface RateLimitOptions {
  burst: number
  perSecond: number
  /** Addresses remembered at once; the longest idle are forgotten first. */
  maxClients?: number
  now?: () => number
}

export interface RateLimiter {
  /** 0 when the request may go ahead, else the seconds until it may. */
  take: (client: string) => number
}

export const createRateLimiter = ({ burst, perSecond, maxClients = 10_000, now = Date.now }: RateLimitOptions): RateLimiter => {
  // Insertion order is last-use order (an entry is re-inserted when used), so the first is the oldest.
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take: (client) => {
      const t = now()
      const bucket = buckets.get(client) ?? { tokens: burst, at: t }
      buckets.delete(client)
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond)
      bucket.at = t
      buckets.set(client, bucket)
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return 0
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond))
    },
  }
}
