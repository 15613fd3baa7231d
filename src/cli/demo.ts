import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Conflict } from '../errors.ts';
import {
  delegationId,
  listOrganizations,
  RATS_EC_ID,
  SECRETARIAT_ID,
} from '../identity/organizations.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { randomSecret } from '../identity/secrets.ts';
import { addUser } from '../identity/users.service.ts';
import { listStates } from '../registry/registry.service.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

/**
 * Demo users for trying the app, never made by default: a delegate and a head of delegation for
 * every current member state, a Secretariat officer, a RATS analyst and an administrator. Each
 * password is random and printed this once; users that already exist are left as they are.
 */
export async function seedDemoUsers(db: Kysely<DB>): Promise<void> {
  const members = await listStates(db, { status: 'member', limit: 500 });
  const known = new Set((await listOrganizations(db, CLI)).items.map((o) => o.id));
  const wanted = [
    ...members.items.flatMap((s) => [
      {
        username: `${s.code.toLowerCase()}.delegate`,
        displayName: `Delegate of ${s.name.en}`,
        org: delegationId(s.code),
        role: 'delegate',
      },
      {
        username: `${s.code.toLowerCase()}.head`,
        displayName: `Head of the delegation of ${s.name.en}`,
        org: delegationId(s.code),
        role: 'head-of-delegation',
      },
    ]),
    {
      username: 'secretariat.officer',
      displayName: 'Secretariat officer',
      org: SECRETARIAT_ID,
      role: 'secretariat-officer',
    },
    { username: 'rats.analyst', displayName: 'RATS analyst', org: RATS_EC_ID, role: 'analyst' },
    { username: 'admin', displayName: 'Administrator', org: SECRETARIAT_ID, role: 'admin' },
  ].filter((u) => known.has(u.org));
  const rows: string[][] = [];
  for (const user of wanted) {
    const password = randomSecret(12);
    try {
      await addUser(
        db,
        CLI,
        {
          username: user.username,
          displayName: user.displayName,
          organizationId: user.org,
          roles: [user.role],
          password,
        },
        new Date(),
      );
      rows.push([user.username, user.role, user.org, password]);
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      rows.push([user.username, user.role, user.org, '(exists, unchanged)']);
    }
  }
  console.log(renderTable(['username', 'role', 'organization', 'password (shown once)'], rows));
}
