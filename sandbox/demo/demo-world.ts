import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { snowflake } from '../../domain/snowflake.ts';
import { writeFileAtomically } from '../discord/state/atomic-file.ts';

/** The local Discord's folder under the data folder: its saved state and demo.json. */
export function discordSandboxDir(dataDir: string): string {
  return join(dataDir, 'discord-sandbox');
}

export function demoWorldPath(dataDir: string): string {
  return join(discordSandboxDir(dataDir), 'demo.json');
}

const memberSchema = z.object({ id: snowflake, name: z.string().min(1) });

/** What the rest of the system needs to know about the local Discord's demo guild; serve.ts writes it on every start. */
export const demoWorldSchema = z.object({
  apiBaseUrl: z.url(),
  botToken: z.string().min(1),
  /** The bot's OAuth2 application, for the web panel's "Sign in with Discord". */
  oauth: z.object({ clientId: snowflake, clientSecret: z.string().min(1) }),
  guildId: snowflake,
  channels: z.object({ tickets: snowflake, histories: snowflake, reminders: snowflake }),
  roles: z.object({ staff: snowflake, alerts: snowflake }),
  members: z.record(z.string(), memberSchema),
});
export type DemoWorld = z.infer<typeof demoWorldSchema>;

export class DemoWorldError extends Error {
  override name = 'DemoWorldError';
}

export async function readDemoWorld(dataDir: string): Promise<DemoWorld> {
  const file = demoWorldPath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new DemoWorldError(
      `start the local Discord first: npx tsx sandbox/demo/serve.ts (it writes ${file}, which does not exist yet)`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DemoWorldError(`${file} is not valid JSON (${(error as Error).message}); restart the local Discord`);
  }
  const parsed = demoWorldSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new DemoWorldError(`${file} is not a demo world description: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Private to its owner: it holds the bot token. */
export async function writeDemoWorld(dataDir: string, world: DemoWorld): Promise<void> {
  await writeFileAtomically(demoWorldPath(dataDir), `${JSON.stringify(demoWorldSchema.parse(world), null, 2)}\n`);
}
