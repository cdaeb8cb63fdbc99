import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoWorld, DemoWorldError, demoWorldPath, readDemoWorld } from '../../sandbox/demo/demo-world.ts';
import { type DemoSandbox, startDemoSandbox } from '../../sandbox/demo/start-demo-sandbox.ts';
import { TICKET_BOT_PERMISSIONS } from '../../sandbox/discord/seed.ts';
import { openTicketThread, restAnswers, temporaryDataDir } from './sandbox-world.ts';

const endpointOf = (world: DemoWorld) => ({ apiBaseUrl: world.apiBaseUrl, botToken: world.botToken });
const withoutUrl = ({ apiBaseUrl: _, ...rest }: DemoWorld) => rest;

describe('the demo local Discord across restarts', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
  const running: DemoSandbox[] = [];
  const start = async (dir: string) => {
    const demo = await startDemoSandbox({ dataDir: dir, port: 0 });
    running.push(demo);
    return demo;
  };
  const stop = async (demo: DemoSandbox) => {
    running.splice(running.indexOf(demo), 1);
    await demo.close();
  };

  beforeAll(async () => {
    dataDir = await temporaryDataDir();
  });
  afterAll(async () => {
    await Promise.all(running.splice(0).map((demo) => demo.close()));
    await dataDir.remove();
  });

  it('asks for the local Discord before it ever ran', async () => {
    const error = await readDemoWorld(dataDir.path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DemoWorldError);
    expect((error as Error).message).toBe(
      `start the local Discord first: npx tsx sandbox/demo/serve.ts (it writes ${demoWorldPath(dataDir.path)}, which does not exist yet)`,
    );
  });

  it('seeds the demo guild on first start and describes it in demo.json', async () => {
    const demo = await start(dataDir.path);
    expect(await readDemoWorld(dataDir.path)).toEqual(demo.world);
    expect(Object.keys(demo.world.members)).toEqual(['alice', 'bob', 'sam', 'kim']);
    const answers = await restAnswers(endpointOf(demo.world), { guildId: demo.world.guildId, threadId: '0' });
    const members = answers[`/guilds/${demo.world.guildId}/members?limit=1000`]?.body as {
      user: { username: string };
      roles: string[];
    }[];
    const roleIds = (name: string) => members.find((member) => member.user.username === name)?.roles;
    expect(roleIds('sam')).toEqual([demo.world.roles.staff]);
    expect(roleIds('kim')).toEqual([demo.world.roles.staff]);
    expect(roleIds('alice')).toEqual([]);
    // The bot holds only the role its invite grants it.
    expect(roleIds('Ticketflow')).toHaveLength(1);
    await stop(demo);
  });

  it('answers for a thread made before a restart, with the same ids, token and world', async () => {
    const first = await start(dataDir.path);
    const { thread } = await openTicketThread(endpointOf(first.world), {
      channelId: first.world.channels.tickets,
      name: 'ticket-0001',
      memberIds: [first.world.members.alice?.id ?? '', first.world.members.sam?.id ?? ''],
    });
    const ids = { guildId: first.world.guildId, threadId: thread.id };
    const before = await restAnswers(endpointOf(first.world), ids);
    await stop(first);

    const second = await start(dataDir.path);
    expect(withoutUrl(second.world)).toEqual(withoutUrl(first.world));
    expect(await readDemoWorld(dataDir.path)).toEqual(second.world);
    expect(await restAnswers(endpointOf(second.world), ids)).toEqual(before);
    expect(before[`/channels/${thread.id}`]?.status).toBe(200);
    await stop(second);
  });

  it('gives the bot of a world saved before permissions were enforced the role its invite grants', async () => {
    const first = await start(dataDir.path);
    const { state, bot } = first.sandbox;
    const guildId = first.world.guildId;
    const botMember = state.member(guildId, bot.userId);
    state.addMember(guildId, bot.userId, { roleIds: [], nick: botMember?.nick ?? null });
    await stop(first);

    const second = await start(dataDir.path);
    const roles = second.sandbox.state.rolesOf(guildId);
    const held = second.sandbox.state.member(guildId, bot.userId)?.roleIds ?? [];
    const granted = roles.filter((role) => held.includes(role.id)).map((role) => BigInt(role.permissions));
    expect(granted).toEqual([TICKET_BOT_PERMISSIONS]);
    await stop(second);
  });

  it('has a change on disk within moments, so a killed process loses at most the last fraction of a second', async () => {
    const demo = await start(dataDir.path);
    const { thread } = await openTicketThread(endpointOf(demo.world), {
      channelId: demo.world.channels.tickets,
      name: 'ticket-0002',
      memberIds: [demo.world.members.bob?.id ?? ''],
    });
    await sleep(400);
    // The folder as a process killed now would leave it: copied while the sandbox still runs, never closed.
    const copy = join(dataDir.path, 'copy');
    await cp(join(dataDir.path, 'discord-sandbox'), join(copy, 'discord-sandbox'), { recursive: true });
    const revived = await start(copy);
    const answers = await restAnswers(endpointOf(revived.world), {
      guildId: revived.world.guildId,
      threadId: thread.id,
    });
    expect(answers[`/channels/${thread.id}`]).toMatchObject({ status: 200, body: { name: 'ticket-0002' } });
    await stop(revived);
    await stop(demo);
    await rm(copy, { recursive: true });
  });

  it('refuses to start from a damaged saved state instead of seeding over it', async () => {
    const saved = await readFile(join(dataDir.path, 'discord-sandbox', 'state.json'), 'utf8');
    const damagedDir = join(dataDir.path, 'damaged');
    const damagedFile = join(damagedDir, 'discord-sandbox', 'state.json');
    await mkdir(join(damagedDir, 'discord-sandbox'), { recursive: true });
    const half = saved.slice(0, saved.length / 2);
    await writeFile(damagedFile, half);
    await expect(startDemoSandbox({ dataDir: damagedDir, port: 0 })).rejects.toThrow(
      `cannot restore the local Discord from ${damagedFile}: it is not valid JSON`,
    );
    expect(await readFile(damagedFile, 'utf8')).toBe(half);
  });
});
