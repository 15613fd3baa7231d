import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementDates,
  apiRoot,
  contact,
  endpointAuth,
  pullDue,
  pullEvery,
  webAddress,
} from './partners.rules.ts';

const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { details?: { field?: string } }).details?.field;
  }
  return undefined;
};

describe('addresses', () => {
  it('takes http and https, and gives an API root its closing slash', () => {
    expect(apiRoot('https://taxii.example.org/api1')).toBe('https://taxii.example.org/api1/');
    expect(apiRoot('http://127.0.0.1:9000/root/')).toBe('http://127.0.0.1:9000/root/');
  });

  it('refuses other schemes, credentials, queries, and names the field', () => {
    expect(field(() => apiRoot('ftp://x.org/'))).toBe('apiRoot');
    expect(field(() => apiRoot('not a url'))).toBe('apiRoot');
    expect(field(() => apiRoot('https://user:pw@x.org/'))).toBe('apiRoot');
    expect(field(() => apiRoot('https://x.org/?a=1'))).toBe('apiRoot');
    expect(field(() => webAddress('javascript:alert(1)', 'website'))).toBe('website');
  });
});

describe('agreements', () => {
  const today = '2026-03-01';
  it('accepts a past signature, today, and an open or later end', () => {
    expect(() => agreementDates('2020-01-01', null, today)).not.toThrow();
    expect(() => agreementDates(today, today, today)).not.toThrow();
  });

  it('refuses a signature in the future, a date that does not exist, an end before the signature', () => {
    expect(field(() => agreementDates('2026-03-02', null, today))).toBe('signedOn');
    expect(field(() => agreementDates('2025-02-30', null, today))).toBe('signedOn');
    expect(field(() => agreementDates('2025-02-01', '2025-01-31', today))).toBe('validUntil');
  });

  it('accepts exactly the signatures not after today', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (signed, now) => {
        const s = signed.toISOString().slice(0, 10);
        const t = now.toISOString().slice(0, 10);
        expect(field(() => agreementDates(s, null, t)) === undefined).toBe(s <= t);
      }),
    );
  });
});

describe('contacts', () => {
  it('needs an office and a way to reach it', () => {
    expect(contact({ office: 'Duty desk', email: 'desk@example.org', phone: null }).office).toBe('Duty desk');
    expect(field(() => contact({ office: ' ', email: 'a@b.org', phone: null }))).toBe('office');
    expect(field(() => contact({ office: 'Desk', email: null, phone: null }))).toBe('email');
    expect(field(() => contact({ office: 'Desk', email: 'nope', phone: null }))).toBe('email');
    expect(field(() => contact({ office: 'Desk', email: null, phone: 'call me' }))).toBe('phone');
  });
});

describe('endpoint authentication', () => {
  it('asks basic for a user name and password, bearer for a token, none for neither', () => {
    expect(() => endpointAuth({ auth: 'basic', username: 'u', hasSecret: true })).not.toThrow();
    expect(field(() => endpointAuth({ auth: 'basic', username: null, hasSecret: true }))).toBe('username');
    expect(field(() => endpointAuth({ auth: 'basic', username: 'u', hasSecret: false }))).toBe('secret');
    expect(field(() => endpointAuth({ auth: 'bearer', username: null, hasSecret: false }))).toBe('secret');
    expect(field(() => endpointAuth({ auth: 'none', username: null, hasSecret: true }))).toBe('secret');
  });

  it('schedules only what is pulled, within bounds', () => {
    expect(pullEvery(60, 'pull')).toBe(60);
    expect(pullEvery(null, 'push')).toBeNull();
    expect(field(() => pullEvery(60, 'push'))).toBe('pullEveryMinutes');
    expect(field(() => pullEvery(0, 'both'))).toBe('pullEveryMinutes');
  });
});

describe('when a pull is due', () => {
  const at = (ms: number) => new Date(ms);
  const base = Date.parse('2026-01-01T00:00:00Z');

  it('is due when never pulled, and never without a schedule', () => {
    expect(pullDue(null, 5, at(base))).toBe(true);
    expect(pullDue(null, null, at(base))).toBe(false);
  });

  it('is due exactly once the interval has passed since the last pull', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10080 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        (every, offset) => {
          const last = new Date(base).toISOString();
          expect(pullDue(last, every, at(base + offset))).toBe(offset >= every * 60_000);
        },
      ),
    );
  });

  it('stays due as time goes on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.nat(1e8), fc.nat(1e8), (every, a, b) => {
        const last = new Date(base).toISOString();
        const [early, late] = a < b ? [a, b] : [b, a];
        if (pullDue(last, every, at(base + early))) expect(pullDue(last, every, at(base + late))).toBe(true);
      }),
    );
  });
});
