// Sign-in attempts per network address: a sliding window in this process's memory. Per-account limits
// (slowed, then locked) live in the database and hold across processes; this one stops one address
// from trying many accounts. Behind a reverse proxy every request comes from the proxy: set the proxy
// to limit per client too (docs/deploy.md).
export const ADDRESS_WINDOW_MS = 10 * 60 * 1000

export class AddressLimiter {
  private readonly hits = new Map<string, number[]>()
  constructor(private readonly policy: { windowMs: number; maxAttempts: number }) {}

  /** Records an attempt at `now`; returns 0 if allowed, else the milliseconds until the next one is. */
  hit(address: string, now: number): number {
    const since = now - this.policy.windowMs
    const recent = (this.hits.get(address) ?? []).filter((t) => t > since)
    if (recent.length >= this.policy.maxAttempts) {
      this.hits.set(address, recent)
      return recent[0]! + this.policy.windowMs - now
    }
    recent.push(now)
    this.hits.set(address, recent)
    if (this.hits.size > 10_000) this.forgetOld(since)
    return 0
  }

  private forgetOld(since: number): void {
    for (const [address, times] of this.hits) if (times.every((t) => t <= since)) this.hits.delete(address)
  }
}
