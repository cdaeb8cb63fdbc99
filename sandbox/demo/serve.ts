/**
 * The local Discord for trying Ticketflow without a bot token: `npx tsx sandbox/demo/serve.ts`.
 * Listens on 127.0.0.1:$DISCORD_SANDBOX_PORT (default 8790), keeps its world in
 * $TICKETFLOW_DATA_DIR/discord-sandbox/ (default <repo>/.data), and writes demo.json there before printing its one
 * line. SIGINT or SIGTERM stops it after saving.
 */
import { loadDemoEnv } from './demo-env.ts';
import { demoWorldPath } from './demo-world.ts';
import { startDemoSandbox } from './start-demo-sandbox.ts';

async function main(): Promise<void> {
  const { dataDir, port, panelRedirectUri } = loadDemoEnv();
  const demo = await startDemoSandbox({ dataDir, port, oauthRedirectUris: [panelRedirectUri] });
  console.log(`local Discord listening at ${demo.world.apiBaseUrl} (demo world: ${demoWorldPath(dataDir)})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`local Discord: could not save its state on ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const address = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(
    address
      ? `local Discord: ${(error as Error).message}; set DISCORD_SANDBOX_PORT to a free port or stop what holds it`
      : `local Discord: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
