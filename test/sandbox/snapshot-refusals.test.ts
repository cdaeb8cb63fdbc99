import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../sandbox/demo/seed-demo-world.ts';
import { DiscordState } from '../../sandbox/discord/state/discord-state.ts';
import {
  type DiscordStateSnapshot,
  InvalidSnapshotError,
  parseDiscordStateSnapshot,
} from '../../sandbox/discord/state/snapshot.ts';
import { SNAPSHOT_FILE_NAME, SnapshotFileStore } from '../../sandbox/discord/state/snapshot-file-store.ts';
import { temporaryDataDir } from './sandbox-world.ts';

/** A small but complete world, as JSON data that a test may damage. */
function savedWorld(): DiscordStateSnapshot {
  const state = new DiscordState();
  const bot = state.createBot({ username: 'Ticketflow' });
  seedDemoWorld(state, bot.userId);
  return JSON.parse(JSON.stringify(state.snapshot()));
}

const refusal = (raw: unknown) => {
  try {
    parseDiscordStateSnapshot(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidSnapshotError);
    return (error as Error).message;
  }
  throw new Error('the snapshot was accepted');
};

describe('snapshots that cannot be restored', () => {
  it('refuses other versions, naming the version found and the one it reads', () => {
    expect(refusal({ ...savedWorld(), version: 2 })).toBe(
      'the Discord sandbox snapshot has version 2; this sandbox reads version 1 only',
    );
    const { version: _, ...unversioned } = savedWorld();
    expect(refusal(unversioned)).toBe(
      'the Discord sandbox snapshot has version undefined; this sandbox reads version 1 only',
    );
    expect(refusal([savedWorld()])).toBe('the Discord sandbox snapshot is not a JSON object');
  });

  it('refuses a malformed snapshot, naming where', () => {
    const world = savedWorld();
    Object.assign(world.users[1] ?? {}, { id: 'not-an-id' });
    Reflect.deleteProperty(world.channels[0] ?? {}, 'name');
    expect(refusal(world)).toMatch(
      /^the Discord sandbox snapshot is malformed: users\.1\.id: must be a snowflake; channels\.0\.name: .+/,
    );
  });

  it('refuses records that point at nothing or repeat an id', () => {
    const world = savedWorld();
    Object.assign(world.members[0] ?? {}, { guildId: '1234567890123456789' });
    const staff = world.roles[1];
    if (!staff) throw new Error('the demo world has no Staff role');
    world.roles.push(staff);
    const message = refusal(world);
    expect(message).toMatch(/^the Discord sandbox snapshot is inconsistent: /);
    expect(message).toContain('is in unknown guild 1234567890123456789');
    expect(message).toMatch(/role \d+ appears twice/);
  });

  it('refuses the same way when handed to DiscordState directly', () => {
    const foreign = JSON.parse(JSON.stringify({ ...savedWorld(), version: 3 }));
    expect(() => new DiscordState({ restoreFrom: foreign })).toThrow(InvalidSnapshotError);
  });

  describe('from the file', () => {
    let dir: Awaited<ReturnType<typeof temporaryDataDir>>;
    beforeAll(async () => {
      dir = await temporaryDataDir();
    });
    afterAll(() => dir.remove());

    it('refuses a corrupt or foreign file, naming the file and what to do, and leaves it as it was', async () => {
      const file = join(dir.path, SNAPSHOT_FILE_NAME);
      const store = new SnapshotFileStore(dir.path);
      for (const [text, reason] of [
        ['{"version":1,"users":[', /it is not valid JSON/],
        [JSON.stringify({ ...savedWorld(), version: 99 }), /has version 99; this sandbox reads version 1 only/],
      ] as const) {
        await writeFile(file, text);
        const error = await store.load().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(InvalidSnapshotError);
        expect((error as Error).message).toContain(`cannot restore the local Discord from ${file}: `);
        expect((error as Error).message).toMatch(reason);
        expect((error as Error).message).toContain('Move the file away to start from an empty world');
        expect(await readFile(file, 'utf8')).toBe(text);
      }
    });

    it('finds nothing saved in an empty folder', async () => {
      expect(await new SnapshotFileStore(join(dir.path, 'never-written')).load()).toBeNull();
    });
  });
});
