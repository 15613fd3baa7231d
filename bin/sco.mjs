#!/usr/bin/env node
// The `sco` command: runs the TypeScript sources directly through tsx, so the CLI and the
// server never drift from a stale build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
