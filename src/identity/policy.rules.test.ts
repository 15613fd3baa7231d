import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Actor,
  abilities,
  authorize,
  effectiveRoles,
  inScope,
  mayAttempt,
  ORGANIZATION_KINDS,
  permittedScopes,
  type ResourceType,
  ROLES,
  RULES,
  type Rule,
} from './policy.rules.ts';

const id = fc.constantFrom('a', 'b', 'c');
const actor: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant<Actor>({ kind: 'anonymous' }),
  fc.record({
    kind: fc.constant('user' as const),
    userId: id,
    organizationId: id,
    organizationKind: fc.constantFrom(...ORGANIZATION_KINDS),
    roles: fc.subarray([...ROLES]),
  }),
);
const resourceType = fc.constantFrom<ResourceType>('organization', 'user', 'token', 'audit', 'session');
const object = fc.record({ id, userId: id, organizationId: id });
const action = fc.constantFrom(
  'read',
  'create',
  'update',
  'set-roles',
  'disable',
  'revoke',
  'verify',
  'delete',
  'fly',
);

describe('the access policy', () => {
  it('denies every action when no rule matches', () => {
    fc.assert(
      fc.property(actor, action, resourceType, object, (a, act, type, obj) => {
        expect(authorize(a, act, type, obj, [])).toBe(false);
        expect(mayAttempt(a, act, type, [])).toBe(false);
        expect(permittedScopes(a, act, type, [])).toEqual([]);
      }),
    );
  });

  it('denies actions no rule names, to everyone but the local operator', () => {
    fc.assert(
      fc.property(actor, resourceType, object, (a, type, obj) => {
        expect(authorize(a, 'fly', type, obj)).toBe(false);
      }),
    );
    expect(authorize({ kind: 'system', name: 'cli' }, 'fly', 'user', {})).toBe(true);
  });

  it('reports abilities equal to what authorize answers for each action', () => {
    fc.assert(
      fc.property(actor, resourceType, object, (a, type, obj) => {
        const reported = abilities(a, type, obj);
        expect(Object.keys(reported)).toEqual([...ACTIONS[type]]);
        for (const act of ACTIONS[type]) expect(reported[act]).toBe(authorize(a, act, type, obj));
      }),
    );
  });

  it('lets the set form contain exactly the objects authorize allows', () => {
    fc.assert(
      fc.property(actor, action, resourceType, object, (a, act, type, obj) => {
        const inSet = permittedScopes(a, act, type).some((scope) => inScope(scope, obj));
        expect(inSet).toBe(authorize(a, act, type, obj));
      }),
    );
  });

  it('grants a rule only its own action and resource', () => {
    const only: Rule[] = [{ resource: 'user', action: 'read', scope: () => ({ all: true }) }];
    fc.assert(
      fc.property(actor, action, resourceType, object, (a, act, type, obj) => {
        if (a.kind === 'system') return;
        expect(authorize(a, act, type, obj, only)).toBe(act === 'read' && type === 'user');
      }),
    );
  });

  it('lets the anonymous public do nothing in identity', () => {
    const identity = ['organization', 'user', 'token', 'audit', 'session'];
    for (const rule of RULES.filter((r) => identity.includes(r.resource))) {
      expect(authorize({ kind: 'anonymous' }, rule.action, rule.resource, {})).toBe(false);
    }
  });

  it('lets a user read the users of their own organization only, and an administrator all', () => {
    const delegate: Actor = {
      kind: 'user',
      userId: 'u',
      organizationId: 'delegation-kz',
      organizationKind: 'delegation',
      roles: ['delegate'],
    };
    expect(authorize(delegate, 'read', 'user', { organizationId: 'delegation-kz' })).toBe(true);
    expect(authorize(delegate, 'read', 'user', { organizationId: 'delegation-cn' })).toBe(false);
    expect(authorize(delegate, 'disable', 'user', { organizationId: 'delegation-kz' })).toBe(false);
    const admin: Actor = { ...delegate, roles: ['admin'] };
    expect(authorize(admin, 'read', 'user', { organizationId: 'delegation-cn' })).toBe(true);
  });
});

describe('effective roles', () => {
  it('drop delegation roles while the state is not a member, and nothing else', () => {
    expect(effectiveRoles(['delegate', 'head-of-delegation', 'admin'], 'delegation', false)).toEqual([
      'admin',
    ]);
    expect(effectiveRoles(['delegate'], 'delegation', true)).toEqual(['delegate']);
    fc.assert(
      fc.property(
        fc.subarray([...ROLES]),
        fc.constantFrom(...ORGANIZATION_KINDS),
        fc.boolean(),
        (roles, kind, member) => {
          const kept = effectiveRoles(roles, kind, member);
          expect(kept.every((r) => roles.includes(r))).toBe(true);
          if (kind !== 'delegation' || member) expect(kept).toEqual(roles);
        },
      ),
    );
  });
});
