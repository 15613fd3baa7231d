import { Command, CommanderError } from 'commander';
import { DomainError } from '../errors.ts';
import { assessCommand } from './assess.command.ts';
import { auditCommand, ChainBroken } from './audit.command.ts';
import { bulletinCommand } from './bulletin.command.ts';
import { chronologyCommand } from './chronology.command.ts';
import { conventionsCommand } from './conventions.command.ts';
import { dbCommand } from './db.command.ts';
import { decisionCommands } from './decision.command.ts';
import { eventsCommand } from './events.command.ts';
import { intelCommands } from './intel.command.ts';
import { measuresCommand } from './measures.command.ts';
import { orgCommand } from './org.command.ts';
import { partnersCommand } from './partners.command.ts';
import { seedCommand } from './seed.command.ts';
import { serveCommand } from './serve.command.ts';
import { taxiiCommand } from './taxii.command.ts';
import { userCommand } from './user.command.ts';

/** Builds the `sco` program; each command lives in its own file and calls the services. */
export function buildProgram(): Command {
  const program = new Command('sco')
    .description('SCO Platform: the Shanghai Cooperation Organization in software')
    .showHelpAfterError()
    .exitOverride();
  const commands = [
    serveCommand,
    dbCommand,
    seedCommand,
    chronologyCommand,
    userCommand,
    orgCommand,
    auditCommand,
    decisionCommands,
    intelCommands,
    eventsCommand,
    partnersCommand,
    taxiiCommand,
    assessCommand,
    conventionsCommand,
    measuresCommand,
    bulletinCommand,
  ];
  for (const add of commands) add(program);
  program.commands.forEach(function strict(command: Command) {
    command.exitOverride().showHelpAfterError();
    command.commands.forEach(strict);
  });
  return program;
}

/** Runs the CLI and returns the exit code: 0 on success, 1 on a failed command, 2 on bad usage. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message = error instanceof DomainError || error instanceof Error ? error.message : String(error);
    console.error(`sco: ${message}`);
    if (error instanceof ChainBroken) return 1;
    return error instanceof DomainError && error.code === 'invalid' ? 2 : 1;
  }
}
