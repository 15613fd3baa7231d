/**
 * Login throttling with back-off, per account and per address. A few failures are free; after
 * that each failure locks the key for twice as long as the one before, up to a ceiling. While
 * a key is locked, every attempt is refused without looking at the password, the right one too.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  maxLockSeconds: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, maxLockSeconds: 15 * 60 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 30, maxLockSeconds: 15 * 60 };

/** Seconds a key stays locked after its `failures`-th failure in a row (0: not locked). */
export function lockSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.freeFailures) return 0;
  return Math.min(2 ** (failures - policy.freeFailures), policy.maxLockSeconds);
}

/** Seconds left before `lockedUntil`, rounded up; 0 when not locked at `now`. */
export function secondsLocked(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const left = Date.parse(lockedUntil) - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}
