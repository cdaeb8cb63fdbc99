import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, watch } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordState } from '../../sandbox/discord/state/discord-state.ts';
import { SNAPSHOT_FILE_NAME, SnapshotFileStore } from '../../sandbox/discord/state/snapshot-file-store.ts';
import { temporaryDataDir } from './sandbox-world.ts';

const crashWriter = join(import.meta.dirname, 'crash-writer.ts');

function smallWorld() {
  const state = new DiscordState();
  const bot = state.createBot({ username: 'Ticketflow' });
  const guild = state.createGuild({ name: 'Store', ownerId: bot.userId });
  const channel = state.createTextChannel(guild.id, { name: 'tickets' });
  const say = (content: string) => state.createMessage(channel, bot.userId, { content }).message;
  return { state, channel, say };
}

const savedContents = async (store: SnapshotFileStore) =>
  (await store.load())?.messages.map((record) => record.message.content) ?? [];

describe('SnapshotFileStore', () => {
  const folders: Awaited<ReturnType<typeof temporaryDataDir>>[] = [];
  const folder = async () => {
    const made = await temporaryDataDir();
    folders.push(made);
    return made.path;
  };
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((made) => made.remove()));
  });

  it('writes a change within its interval, unasked, and a burst of changes as a few writes', async () => {
    const dir = await folder();
    const { state, say } = smallWorld();
    const store = new SnapshotFileStore(dir, { intervalMs: 200 });
    store.track(state);
    await store.save();

    // Each rename of the temporary file over state.json is one write.
    let writes = 0;
    const watcher = watch(dir, (event, name) => {
      if (event === 'rename' && name === SNAPSHOT_FILE_NAME) writes += 1;
    });
    try {
      const started = Date.now();
      for (let index = 0; index < 100; index += 1) {
        say(`burst ${index}`);
        await sleep(10);
      }
      const burstMs = Date.now() - started;
      await sleep(400);
      expect(await savedContents(store)).toHaveLength(100);
      // One write per interval at most (plus rounding at both ends), far fewer than the 100 changes.
      expect(writes).toBeGreaterThanOrEqual(2);
      expect(writes).toBeLessThanOrEqual(Math.ceil(burstMs / 200) + 2);
    } finally {
      watcher.close();
    }
    await store.close();
  });

  it('writes pending changes at once on close, and nothing after', async () => {
    const dir = await folder();
    const { state, say } = smallWorld();
    const store = new SnapshotFileStore(dir, { intervalMs: 60_000 });
    store.track(state);
    say('just before closing');
    await store.close();
    expect(await savedContents(store)).toEqual(['just before closing']);

    const { mtimeMs } = await stat(join(dir, SNAPSHOT_FILE_NAME));
    say('after closing');
    await sleep(50);
    expect((await stat(join(dir, SNAPSHOT_FILE_NAME))).mtimeMs).toBe(mtimeMs);
  });

  it('never reads the temporary file a crash left behind, and the next write replaces it', async () => {
    const dir = await folder();
    const { state, say } = smallWorld();
    const store = new SnapshotFileStore(dir);
    store.track(state);
    say('saved');
    await store.save();
    const temporary = join(dir, `${SNAPSHOT_FILE_NAME}.tmp`);
    await writeFile(temporary, '{"version":1,"users":[{"id":"12');

    expect(await savedContents(new SnapshotFileStore(dir))).toEqual(['saved']);
    say('saved again');
    await store.close();
    expect(existsSync(temporary)).toBe(false);
    expect(await savedContents(new SnapshotFileStore(dir))).toEqual(['saved', 'saved again']);
  });

  it('keeps the file and its folder private to their owner: they hold the bot token', async () => {
    const dir = join(await folder(), 'discord-sandbox');
    const store = new SnapshotFileStore(dir);
    store.track(smallWorld().state);
    await store.save();
    await store.close();
    expect((await stat(join(dir, SNAPSHOT_FILE_NAME))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('leaves the last complete save when the process is killed at any moment, mid-write included', {
    timeout: 180_000,
  }, async () => {
    let killedMidWrite = 0;
    for (let attempt = 0; attempt < 12 && killedMidWrite < 2; attempt += 1) {
      const dir = await folder();
      const child = spawn(process.execPath, ['--import', 'tsx', crashWriter, dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let acknowledged = 0;
      let firstSave: () => void = () => undefined;
      const started = new Promise<void>((resolve) => {
        firstSave = resolve;
      });
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        for (const match of chunk.matchAll(/saved (\d+)/g)) acknowledged = Math.max(acknowledged, Number(match[1]));
        if (acknowledged > 0) firstSave();
      });
      await Promise.race([started, once(child, 'exit').then(() => Promise.reject(new Error('writer exited')))]);
      await sleep(50 + ((attempt * 137) % 400));
      const acknowledgedAtKill = acknowledged;
      child.kill('SIGKILL');
      await once(child, 'exit');

      if (existsSync(join(dir, `${SNAPSHOT_FILE_NAME}.tmp`))) killedMidWrite += 1;
      const saves = (await new SnapshotFileStore(dir).load())?.messages.length ?? 0;
      // Whole saves only: every save adds 100 messages, and none acknowledged before the kill is lost.
      expect(saves % 100).toBe(0);
      expect(saves / 100).toBeGreaterThanOrEqual(acknowledgedAtKill);
      const onDisk = await readFile(join(dir, SNAPSHOT_FILE_NAME), 'utf8');
      expect(onDisk.endsWith('}\n')).toBe(true);
    }
    expect(killedMidWrite).toBeGreaterThanOrEqual(1);
  });
});
