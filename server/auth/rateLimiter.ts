// Token buckets: ingestion requests per token, expensive GraphQL fields per user.
/** Token buckets per key: `rate` requests a second, bursts up to `burst`. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly rate: number, private readonly burst: number) {}

  /** 0 when allowed, else the seconds to wait. */
  take(key: string, cost = 1, now = Date.now() / 1000): number {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * this.rate);
    b.at = now;
    this.buckets.set(key, b);
    const c = Math.min(cost, this.burst); // a request dearer than the burst still passes when the bucket is full
    if (b.tokens >= c) {
      b.tokens -= c;
      return 0;
    }
    return (c - b.tokens) / this.rate;
  }
}
