import { createDiscordSandbox, type DiscordSandbox } from '../discord/index.ts';
import { SnapshotFileStore } from '../discord/state/snapshot-file-store.ts';
import { type DemoWorld, discordSandboxDir, writeDemoWorld } from './demo-world.ts';
import { describeDemoWorld, findDemoGuild, grantDemoBotItsRole, seedDemoWorld } from './seed-demo-world.ts';

export interface DemoSandboxOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** How long a change may wait before it is saved; see SnapshotFileStore. */
  saveIntervalMs?: number;
  /** Redirects the demo bot's OAuth2 application accepts: the web panel's sign-in callback. */
  oauthRedirectUris?: string[];
}

export interface DemoSandbox {
  sandbox: DiscordSandbox;
  world: DemoWorld;
  /** Stops answering, then saves what changed. */
  close(): Promise<void>;
}

/**
 * The local Discord with a persistent world: restored from `<dataDir>/discord-sandbox/state.json` when an earlier
 * run saved one, seeded with the demo guild otherwise, saved after every change, and described in demo.json.
 */
export async function startDemoSandbox(options: DemoSandboxOptions): Promise<DemoSandbox> {
  const store = new SnapshotFileStore(discordSandboxDir(options.dataDir), { intervalMs: options.saveIntervalMs });
  const saved = await store.load();
  // The saved bot's token makes createDiscordSandbox take that bot instead of minting another one.
  const sandbox = await createDiscordSandbox({
    restoreFrom: saved ?? undefined,
    botToken: saved?.bots[0]?.token,
    host: options.host ?? '127.0.0.1',
    port: options.port,
    oauthRedirectUris: options.oauthRedirectUris,
  });
  try {
    store.track(sandbox.state);
    if (!findDemoGuild(sandbox.state)) seedDemoWorld(sandbox.state, sandbox.bot.userId);
    else grantDemoBotItsRole(sandbox.state, sandbox.bot.userId);
    // A first start's world is on disk before anyone learns its ids from demo.json.
    await store.save();
    const world = describeDemoWorld(sandbox);
    await writeDemoWorld(options.dataDir, world);
    return {
      sandbox,
      world,
      close: async () => {
        await sandbox.close();
        await store.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    await store.close().catch(() => undefined);
    throw error;
  }
}
