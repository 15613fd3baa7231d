import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { actorOf } from '../../src/identity/actor.ts';
import { delegationId, syncOrganizations } from '../../src/identity/organizations.service.ts';
import type { Actor, Role } from '../../src/identity/policy.rules.ts';
import { userById } from '../../src/identity/users.repository.ts';
import { addUser } from '../../src/identity/users.service.ts';
import { seedReferenceData } from '../../src/registry/reference-data.service.ts';
import { readReferenceData } from '../../src/registry/reference-data.ts';
import { smallReferenceData, writeDataDir } from './reference-factory.ts';

export const SYSTEM: Actor = { kind: 'system', name: 'test' };
export const PASSWORD = 'correct horse battery staple';

/** Loads a small registry (CN a member, MN an observer) and the organizations made from it. */
export async function seedIdentityBasics(db: Kysely<DB>): Promise<void> {
  await seedReferenceData(db, readReferenceData(writeDataDir(smallReferenceData())));
  await syncOrganizations(db, new Date());
}

/** A user with the given roles in the given organization (default: China's delegation). */
export async function makeUser(
  db: Kysely<DB>,
  options: { roles: Role[]; organizationId?: string; username?: string; password?: string } = {
    roles: ['delegate'],
  },
) {
  const username = options.username ?? `u${randomBytes(4).toString('hex')}`;
  const user = await addUser(
    db,
    SYSTEM,
    {
      username,
      displayName: username,
      organizationId: options.organizationId ?? delegationId('CN'),
      roles: options.roles,
      password: options.password ?? PASSWORD,
    },
    new Date(),
  );
  return { ...user, password: options.password ?? PASSWORD };
}

/** The actor a freshly made user is today. */
export async function actorFor(db: Kysely<DB>, userId: string): Promise<Actor> {
  const row = await userById(db, userId);
  const actor = row ? await actorOf(db, row, new Date()) : null;
  if (!actor) throw new Error(`no actor for ${userId}`);
  return actor;
}
