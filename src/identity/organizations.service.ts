import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { audit } from './audit.service.ts';
import * as repo from './organizations.repository.ts';
import { type Actor, abilities, authorize, type OrganizationKind, permittedScopes } from './policy.rules.ts';

type I18n = { en: string; ru?: string; zh?: string };

export const SECRETARIAT_ID = 'secretariat';
export const RATS_EC_ID = 'rats-executive-committee';

const FIXED: { id: string; kind: OrganizationKind; name: I18n }[] = [
  {
    id: SECRETARIAT_ID,
    kind: 'secretariat',
    name: { en: 'SCO Secretariat', ru: 'Секретариат ШОС', zh: '上海合作组织秘书处' },
  },
  {
    id: RATS_EC_ID,
    kind: 'rats-executive-committee',
    name: {
      en: 'Executive Committee of the Regional Anti-Terrorist Structure',
      ru: 'Исполнительный комитет Региональной антитеррористической структуры',
      zh: '地区反恐怖机构执行委员会',
    },
  },
];

/** The id of the delegation of a member state. */
export const delegationId = (code: string) => `delegation-${code.toLowerCase()}`;

function delegationName(state: I18n): I18n {
  return {
    en: `Delegation of ${state.en}`,
    ru: `Делегация: ${state.ru ?? state.en}`,
    zh: `${state.zh ?? state.en}代表团`,
  };
}

/**
 * Keeps the organizations in step with the registry: the Secretariat, the RATS Executive
 * Committee and a delegation for every state that was ever a member (its rights follow the
 * membership on each date, see policy `effectiveRoles`). Idempotent; each creation is audited.
 */
export async function syncOrganizations(db: Kysely<DB>, now: Date): Promise<number> {
  const system: Actor = { kind: 'system', name: 'registry-sync' };
  const states = await repo.statesEverMembers(db);
  const wanted = [
    ...FIXED.map((o) => ({ ...o, stateCode: null as string | null })),
    ...states.map((s) => ({
      id: delegationId(s.code),
      kind: 'delegation' as const,
      name: delegationName(JSON.parse(s.name) as I18n),
      stateCode: s.code as string | null,
    })),
  ];
  let created = 0;
  for (const org of wanted) {
    if (await repo.organizationById(db, org.id)) continue;
    await db.transaction().execute(async (trx) => {
      const row = {
        id: org.id,
        kind: org.kind,
        name: JSON.stringify(org.name),
        state_code: org.stateCode,
        created_at: now.toISOString(),
      };
      await repo.insertOrganization(trx, row);
      await audit(
        trx,
        system,
        { action: 'organization.create', subjectType: 'organization', subjectId: org.id, state: row },
        now,
      );
    });
    created += 1;
  }
  return created;
}

type OrganizationRow = NonNullable<Awaited<ReturnType<typeof repo.organizationById>>>;

export function presentOrganization(row: OrganizationRow, actor: Actor) {
  return {
    id: row.id,
    kind: row.kind as OrganizationKind,
    name: JSON.parse(row.name) as I18n,
    stateCode: row.state_code,
    abilities: abilities(actor, 'organization', { id: row.id }),
  };
}

export async function listOrganizations(db: Kysely<DB>, actor: Actor) {
  const rows = await repo.listOrganizations(db, permittedScopes(actor, 'read', 'organization'));
  return { items: rows.map((r) => presentOrganization(r, actor)), total: rows.length };
}

export async function getOrganization(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.organizationById(db, id);
  if (!row || !authorize(actor, 'read', 'organization', { id })) throw new NotFound('organization', id);
  return presentOrganization(row, actor);
}

/** Adds a partner center (a similar center or organization the RATS cooperates with). */
export async function addPartnerCenter(
  db: Kysely<DB>,
  actor: Actor,
  input: { id: string; name: I18n },
  now: Date,
) {
  if (!authorize(actor, 'create', 'organization', { id: input.id }))
    throw new NotFound('organization', input.id);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.id) || input.id.length > 80) {
    throw new Invalid('id', 'must be lower-case letters, digits and single hyphens, at most 80 characters');
  }
  if (!input.name.en?.trim()) throw new Invalid('name.en', 'is required');
  return db.transaction().execute(async (trx) => {
    if (await repo.organizationById(trx, input.id))
      throw new Conflict(`organization ${input.id} already exists`, { field: 'id' });
    const row = {
      id: input.id,
      kind: 'partner-center',
      name: JSON.stringify(input.name),
      state_code: null,
      created_at: now.toISOString(),
    };
    await repo.insertOrganization(trx, row);
    await audit(
      trx,
      actor,
      { action: 'organization.create', subjectType: 'organization', subjectId: input.id, state: row },
      now,
    );
    return presentOrganization(row, actor);
  });
}
