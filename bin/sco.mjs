#!/usr/bin/env node
// The `sco` command: runs the TypeScript sources directly through tsx, so the CLI and the
// server never drift from a stale build.
import { register } from 'tsx/esm/api';

register();
// Output piped into a command that stops reading (`sco export stix | head`) ends quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
