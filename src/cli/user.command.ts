import type { Command } from 'commander';
import { Invalid } from '../errors.ts';
import { SECRETARIAT_ID } from '../identity/organizations.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { randomSecret } from '../identity/secrets.ts';
import { addUser, disableUser, listUsers, setRoles, userIdByUsername } from '../identity/users.service.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

/** The CLI acts as the local operator: whoever can open the database file. */
const CLI: Actor = { kind: 'system', name: 'cli' };
const collect = (value: string, previous: string[] = []) => [...previous, value];

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function userCommand(program: Command): void {
  const user = program.command('user').description('users, their organizations and roles');
  user
    .command('add')
    .description('add a user; without --password-stdin a random password is printed once')
    .requiredOption('--username <name>', 'sign-in name')
    .option('--name <display>', 'display name (default: the username)')
    .option('--org <id>', `organization id (default with --admin: ${SECRETARIAT_ID})`)
    .option('--role <role>', 'a role; repeat for several', collect)
    .option('--admin', 'an administrator in the Secretariat')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (o: {
        username: string;
        name?: string;
        org?: string;
        role?: string[];
        admin?: boolean;
        passwordStdin?: boolean;
      }) => {
        const roles = [...(o.role ?? []), ...(o.admin ? ['admin'] : [])];
        const org = o.org ?? (o.admin ? SECRETARIAT_ID : undefined);
        if (!org) throw new Invalid('--org', 'required unless --admin is given');
        const password = o.passwordStdin ? await readStdin() : randomSecret(12);
        await withDatabase(async (database, config) => {
          await prepareDatabase(database, config);
          const created = await addUser(
            database.db,
            CLI,
            { username: o.username, displayName: o.name ?? o.username, organizationId: org, roles, password },
            new Date(),
          );
          console.log(`added ${created.username} (${created.roles.join(', ')}) in ${created.organizationId}`);
          if (!o.passwordStdin) console.log(`password (shown once): ${password}`);
        });
      },
    );
  user
    .command('list')
    .description('list users')
    .option('--org <id>', 'only this organization')
    .action(async (o: { org?: string }) => {
      await withDatabase(async ({ db }) => {
        const page = await listUsers(db, CLI, { limit: 500, organizationId: o.org });
        const rows = page.items.map((u) => [
          u.username,
          u.displayName,
          u.organizationId,
          u.roles.join(','),
          u.disabled ? 'disabled' : 'active',
        ]);
        console.log(renderTable(['username', 'name', 'organization', 'roles', 'state'], rows));
      });
    });
  user
    .command('role')
    .description("set a user's roles (replacing the ones held)")
    .argument('<username>')
    .argument('<roles...>')
    .action(async (username: string, roles: string[]) => {
      await withDatabase(async ({ db }) => {
        const id = await userIdByUsername(db, CLI, username);
        const changed = await setRoles(db, CLI, id, roles, new Date());
        console.log(`${changed.username} now holds ${changed.roles.join(', ')}`);
      });
    });
  user
    .command('disable')
    .description('disable a user: no more sign-in, sessions ended')
    .argument('<username>')
    .action(async (username: string) => {
      await withDatabase(async ({ db }) => {
        const id = await userIdByUsername(db, CLI, username);
        await disableUser(db, CLI, id, new Date());
        console.log(`${username} is disabled`);
      });
    });
}
