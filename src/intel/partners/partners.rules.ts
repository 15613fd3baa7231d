import { Invalid } from '../../errors.ts';

/**
 * Pure rules of the partner registry: the closed vocabularies, what a valid web address, TAXII
 * API root, agreement, contact and endpoint are, and when an endpoint is due for its next pull.
 * No clock here: "today" and "now" are passed in. Each check throws `Invalid` naming the field.
 */

export const PARTNER_KINDS = [
  'regional-center',
  'un-body',
  'regional-organization',
  'national-center',
  'international-organization',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_STATUSES = ['active', 'suspended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const DIRECTIONS = ['pull', 'push', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const AUTH_KINDS = ['none', 'basic', 'bearer'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** The markings given to what is pulled. RED names users, so it cannot mark a whole feed. */
export const PULL_TLPS = ['clear', 'green', 'amber', 'amber+strict'] as const;
export type PullTlp = (typeof PULL_TLPS)[number];

/** The shortest and longest interval between scheduled pulls, in minutes (a week at most). */
export const PULL_EVERY_MIN = 1;
export const PULL_EVERY_MAX = 7 * 24 * 60;

/** Checks that `value` is one of `values`; Invalid naming `field` otherwise. */
export function oneOf<const V extends readonly string[]>(values: V, value: string, field: string): V[number] {
  if (!values.includes(value)) throw new Invalid(field, `must be one of ${values.join(', ')}`);
  return value;
}

/** An http(s) address without credentials in it, as its normalized text. */
export function webAddress(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Invalid(field, `must be an http or https URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Invalid(field, `must be an http or https URL, got "${value}"`);
  // A password in a URL would be shown to every reader of the registry.
  if (url.username || url.password) throw new Invalid(field, 'must not hold a user name or password');
  return url.href;
}

/**
 * A TAXII 2.1 API root: an http(s) address with no query or fragment, ending with "/" (the
 * specification's form; one is added when missing).
 */
export function apiRoot(value: string, field = 'apiRoot'): string {
  const href = webAddress(value, field);
  const url = new URL(href);
  if (url.search || url.hash) throw new Invalid(field, 'must have no query or fragment');
  return href.endsWith('/') ? href : `${href}/`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** An agreement's dates: signed on a real day not after today; valid until no earlier than that. */
export function agreementDates(signedOn: string, validUntil: string | null, today: string): void {
  if (!isDate(signedOn)) throw new Invalid('signedOn', `expected a date YYYY-MM-DD, got "${signedOn}"`);
  if (signedOn > today) throw new Invalid('signedOn', `must not be in the future (today is ${today})`);
  if (validUntil === null) return;
  if (!isDate(validUntil)) throw new Invalid('validUntil', `expected a date YYYY-MM-DD, got "${validUntil}"`);
  if (validUntil < signedOn) throw new Invalid('validUntil', `must not be before signedOn (${signedOn})`);
}

/** Required text: trimmed, not empty, at most `max` characters. */
export function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw new Invalid(field, 'is required');
  if (trimmed.length > max) throw new Invalid(field, `must be at most ${max} characters`);
  return trimmed;
}

/** Optional text: empty becomes null. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || !value.trim()) return null;
  return text(value, field, max);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{3,30}$/;

/** A functional contact: an office and at least one way to reach it. */
export function contact(input: { office: string; email: string | null; phone: string | null }) {
  const office = text(input.office, 'office', 200);
  const email = optionalText(input.email, 'email', 200);
  const phone = optionalText(input.phone, 'phone', 40);
  if (email !== null && !EMAIL.test(email)) throw new Invalid('email', `not an e-mail address: "${email}"`);
  if (phone !== null && !PHONE.test(phone))
    throw new Invalid('phone', 'digits, spaces and + ( ) - . / only, at least four digits');
  if (email === null && phone === null)
    throw new Invalid('email', 'give an e-mail address or a phone number');
  return { office, email, phone };
}

/** How an endpoint will authenticate, after a change: what it holds, not the secret itself. */
export interface EndpointAuthState {
  auth: AuthKind;
  username: string | null;
  hasSecret: boolean;
}

/** Basic needs a user name and a password; bearer a token and no user name; none neither. */
export function endpointAuth(state: EndpointAuthState): void {
  if (state.auth === 'basic') {
    if (!state.username) throw new Invalid('username', 'is required with basic authentication');
    if (!state.hasSecret) throw new Invalid('secret', 'the password is required with basic authentication');
  } else if (state.auth === 'bearer') {
    if (state.username) throw new Invalid('username', 'is not used with bearer authentication');
    if (!state.hasSecret) throw new Invalid('secret', 'the token is required with bearer authentication');
  } else {
    if (state.username) throw new Invalid('username', 'is not used without authentication');
    if (state.hasSecret) throw new Invalid('secret', 'is not used without authentication');
  }
}

/** A scheduled interval, only for endpoints pulled from; null means no scheduled pull. */
export function pullEvery(every: number | null, direction: Direction): number | null {
  if (every === null) return null;
  if (direction === 'push') throw new Invalid('pullEveryMinutes', 'only endpoints pulled from are scheduled');
  if (!Number.isInteger(every) || every < PULL_EVERY_MIN || every > PULL_EVERY_MAX)
    throw new Invalid('pullEveryMinutes', `must be an integer from ${PULL_EVERY_MIN} to ${PULL_EVERY_MAX}`);
  return every;
}

/**
 * Is an endpoint due for its scheduled pull at `now`? Never pulled: yes; otherwise once its
 * interval has passed since the last pull (a last pull "in the future", from a clock that went
 * back, waits for the clock to catch up plus the interval).
 */
export function pullDue(lastPullAt: string | null, everyMinutes: number | null, now: Date): boolean {
  if (everyMinutes === null) return false;
  if (lastPullAt === null) return true;
  const last = Date.parse(lastPullAt);
  if (Number.isNaN(last)) return true;
  return now.getTime() - last >= everyMinutes * 60_000;
}

/** Whether an endpoint's direction includes pulling. */
export const pulls = (direction: string) => direction === 'pull' || direction === 'both';
