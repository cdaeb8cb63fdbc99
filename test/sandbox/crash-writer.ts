/**
 * The process test/sandbox/snapshot-file-store.test.ts kills: it grows a world by big messages and saves it
 * after each, printing `saved N` once the Nth save is on disk, until it is killed.
 * Usage: node --import tsx crash-writer.ts <folder>
 */
import { DiscordState } from '../../sandbox/discord/state/discord-state.ts';
import { SnapshotFileStore } from '../../sandbox/discord/state/snapshot-file-store.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: crash-writer.ts <folder>');
const state = new DiscordState();
const bot = state.createBot({ username: 'Ticketflow' });
const guild = state.createGuild({ name: 'Crash', ownerId: bot.userId });
const channel = state.createTextChannel(guild.id, { name: 'tickets' });
const store = new SnapshotFileStore(folder, { intervalMs: 0 });
store.track(state);
// About 1 MB a save at first, growing, so that a kill often lands in the middle of writing.
const filler = 'x'.repeat(1900);
for (let saved = 1; ; saved += 1) {
  for (let index = 0; index < 100; index += 1)
    state.createMessage(channel, bot.userId, { content: `${saved}.${index} ${filler}` });
  await store.flush();
  process.stdout.write(`saved ${saved}\n`);
}
