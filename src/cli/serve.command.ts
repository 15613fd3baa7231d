import type { Command } from 'commander';
import { loadConfig } from '../config.ts';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web app (migrates and loads reference data first)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
      // Loaded on use: the other commands need no HTTP server and start faster without it.
      const { serve } = await import('../server/main.ts');
      await serve(config);
    });
}
