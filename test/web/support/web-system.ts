import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { discordAuthorizeUrl } from '../../../config/web-config.ts';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import {
  createDiscordSandbox,
  type DiscordSandbox,
  type SeededGuild,
  seedGuild,
} from '../../../sandbox/discord/index.ts';
import { createGuildConfigRepository } from '../../../store/guild-config-repository.ts';
import { startTicketChangeFeed } from '../../../store/ticket-change-feed.ts';
import { createLogger } from '../../../telemetry/logger.ts';
import { FileTranscriptStorage } from '../../../transcripts/fs-storage.ts';
import {
  createWebServer,
  GUILD_ACCESS_MAX_AGE_MS,
  type WebServer,
  type WebServerDeps,
} from '../../../web/server/create-web-server.ts';
import { createBotGuilds } from '../../../web/server/discord/bot-guilds.ts';
import { createDiscordOAuthClient } from '../../../web/server/discord/discord-oauth-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { freePort } from '../../support/free-port.ts';
import { permissiveGuildDirectory } from '../../support/guild-directory.ts';
import type { TicketflowSystem } from '../../support/ticketflow-system.ts';

export interface WebSystem {
  db: TestDatabase;
  discord: DiscordSandbox;
  web: WebServer;
  /** The panel's origin, where the server listens: `http://127.0.0.1:<port>`. */
  url: string;
  /** Guild A ("Alpha": sam is staff, alice a member) and guild B ("Beta": bob is staff, carol a member). */
  guildA: SeededGuild;
  guildB: SeededGuild;
  /** The service's operator (ADMIN_USER_IDS), a Discord user in neither guild: the admin panel's user. */
  operatorId: string;
  /** A user's id by guild and name (`userId(guildA, 'sam')`). */
  userId(guild: SeededGuild, name: string): string;
  /** A browser's sign-in through the local Discord's consent: returns its `tf_session` cookie (`tf_session=…`). */
  signIn(userId: string, next?: string): Promise<{ cookie: string; location: string }>;
  /** A request to the panel with a browser's headers: same-origin, with this cookie. */
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The web server as production builds it, listening on a real port, with a real Postgres (migrated) and the local
 * Discord for sign-in and guilds: two guilds, each with a configured Staff role.
 */
export interface WebSystemOptions {
  now?: () => Date;
  /**
   * A running system to serve (the ticket tests' startTicketflowSystem, with its Temporal dev server and tickets);
   * its guilds A and B are seeded beside what it holds, and closing the web system leaves it running.
   */
  on?: { db: TestDatabase; discord: DiscordSandbox; temporal: Client; taskQueue?: string; transcriptsDir?: string };
  /** The payment providers the web process uses (none by default: every billing route answers 404). */
  billing?: WebServerDeps['billing'];
}

/** The whole system (ticketflow-system.ts) for the web system to serve: its Postgres, Discord, Temporal and stores. */
export function serving(system: TicketflowSystem): NonNullable<WebSystemOptions['on']> {
  return {
    db: system.db,
    discord: system.discord,
    temporal: system.temporal.client,
    taskQueue: system.taskQueue,
    transcriptsDir: system.transcriptsDir,
  };
}

export async function startWebSystem(options: WebSystemOptions = {}): Promise<WebSystem> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const redirectUri = `${url}/auth/callback`;
  const db = options.on?.db ?? (await createTestDatabase());
  const discord = options.on?.discord ?? (await createDiscordSandbox());
  discord.oauth.registerRedirectUri(redirectUri);
  const botUserId = discord.bot.userId;
  const guild = (name: string, staff: string, member: string) =>
    seedGuild(discord.state, {
      botUserId,
      name,
      roles: [{ name: 'Staff' }],
      members: [{ username: staff, roles: ['Staff'] }, { username: member }],
      textChannels: ['tickets'],
    });
  const guildA = guild('Alpha', 'sam', 'alice');
  const guildB = guild('Beta', 'bob', 'carol');
  const operator = discord.state.createUser({ username: 'olga' });
  const configs = createGuildConfigRepository(db.prisma, DEFAULT_PLANS);
  for (const seeded of [guildA, guildB]) {
    await configs.saveGuildConfig(seeded.guild.id, permissiveGuildDirectory, {
      staffRoleIds: [seeded.roles.get('Staff')?.id ?? ''],
      ticketChannelId: seeded.channels.get('tickets')?.id ?? '',
      ticketTypes: [{ key: 'support', name: 'Support' }],
    });
  }

  const apiBaseUrl = discord.apiBaseUrl;
  // Without a running system, a Temporal client that never connects: guilds A and B have no tickets, so no route
  // reaches a ticket's workflow.
  const temporal = options.on?.temporal ?? new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const ticketChanges = await startTicketChangeFeed({
    connectionString: db.url,
    prisma: db.prisma,
    logger: createLogger('web-test', 'warn'),
  });
  const transcriptsDir = options.on?.transcriptsDir ?? (await mkdtemp(join(tmpdir(), 'ticketflow-web-transcripts-')));
  const web = await createWebServer({
    config: { publicUrl: url, secureCookies: false, operatorUserIds: [operator.id] },
    prisma: db.prisma,
    temporal,
    ticketChanges,
    taskQueue: options.on?.taskQueue ?? 'web-tests',
    plans: DEFAULT_PLANS,
    bot: { token: discord.bot.token, apiBaseUrl },
    transcripts: new FileTranscriptStorage(transcriptsDir),
    discord: createDiscordOAuthClient({
      clientId: discord.bot.applicationId,
      clientSecret: discord.bot.clientSecret,
      apiBaseUrl,
      authorizeUrl: discordAuthorizeUrl(apiBaseUrl),
      redirectUri,
    }),
    botGuilds: createBotGuilds({
      token: discord.bot.token,
      apiBaseUrl,
      maxAgeMs: GUILD_ACCESS_MAX_AGE_MS,
      now: options.now && (() => options.now?.().getTime() ?? Date.now()),
    }),
    billing: options.billing ?? { providers: {} },
    now: options.now,
  });
  await web.app.listen({ port, host: '127.0.0.1' });

  const request: WebSystem['request'] = (path, init = {}) => {
    const { cookie, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (cookie) headers.set('cookie', cookie);
    if (rest.method && !['GET', 'HEAD'].includes(rest.method) && !headers.has('origin')) headers.set('origin', url);
    return fetch(`${url}${path}`, { ...rest, headers, redirect: 'manual' });
  };

  return {
    db,
    discord,
    web,
    url,
    guildA,
    guildB,
    operatorId: operator.id,
    userId(seeded, name) {
      const user = name === 'owner' ? seeded.owner : seeded.users.get(name);
      if (!user) throw new Error(`no user ${name} in ${seeded.guild.name}`);
      return user.id;
    },
    async signIn(userId, next) {
      const login = await request(`/auth/login${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
      const loginCookie = cookieFrom(login, 'tf_login');
      discord.oauth.nextLogin(userId);
      const consent = await fetch(locationOf(login), { redirect: 'manual' });
      const callback = new URL(locationOf(consent));
      const landed = await request(`${callback.pathname}${callback.search}`, { cookie: loginCookie });
      if (landed.status !== 303) throw new Error(`sign-in answered ${landed.status}: ${await landed.text()}`);
      return { cookie: cookieFrom(landed, 'tf_session'), location: locationOf(landed) };
    },
    request,
    async close() {
      await web.app.close();
      await ticketChanges.close();
      if (options.on?.transcriptsDir === undefined) await rm(transcriptsDir, { recursive: true, force: true });
      if (options.on) return;
      await discord.close();
      await db.cleanup();
    },
  };
}

export function locationOf(response: Response): string {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return location;
}

/** `name=value` of the cookie the response sets; throws when it sets none of that name. */
export function cookieFrom(response: Response, name: string): string {
  const set = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  const pair = set?.split(';')[0];
  if (!pair || pair === `${name}=`) throw new Error(`the response sets no ${name} cookie`);
  return pair;
}
