/**
 * Live-update latency of the panel: from a member's message in a ticket's Discord thread to its arrival in N
 * browsers' streams of that ticket (GET .../tickets/:number/stream, Server-Sent Events), through the whole path: the
 * local Discord's gateway, the bot, the ticket workflow, the worker's write, the change trigger, the web process's
 * one LISTEN and each stream's write.
 *
 *   npm run bench:live -- [--streams 200] [--messages 30]
 *
 * Runs the system as the tests do (test/support/ticketflow-system.ts, test/web/support/web-system.ts) on this
 * machine; prints a Markdown table of p50, p99 and max over every (message, stream) pair.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { openFromPanel, post } from '../../test/support/ticket-life.ts';
import { startTicketflowSystem } from '../../test/support/ticketflow-system.ts';
import { type EventStream, openEventStream } from '../../test/web/support/event-stream.ts';
import { startWebSystem } from '../../test/web/support/web-system.ts';
import { markdownTable } from '../tickets/markdown-table.ts';
import { percentile } from '../tickets/measure-rate.ts';

const { values } = parseArgs({
  options: { streams: { type: 'string', default: '200' }, messages: { type: 'string', default: '30' } },
});
const streamCount = Number(values.streams);
const messageCount = Number(values.messages);
/** Between messages: one at a time, as people write, so each measures the path rather than a queue. */
const PAUSE_MS = 250;
const ARRIVAL_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  const system = await startTicketflowSystem();
  const web = await startWebSystem({
    on: { db: system.db, discord: system.discord, temporal: system.temporal.client },
  });
  const streams: EventStream[] = [];
  try {
    const ticket = await openFromPanel(system, 'alice', 'Benchmark ticket');
    const { cookie } = await web.signIn(system.userId('sam'));
    const path = `/api/v1/guilds/${system.world.guild.id}/tickets/${ticket.number}/stream`;
    /** Message id → when each stream saw it. */
    const arrivals = new Map<string, number[]>();
    for (let index = 0; index < streamCount; index += 1) {
      streams.push(
        await openEventStream(
          (init) => web.request(path, { ...init, cookie }),
          undefined,
          (event) => {
            if (event.event !== 'message') return;
            arrivals.get((event.data as { id: string }).id)?.push(event.at);
          },
        ),
      );
    }
    const latencies: number[] = [];
    for (let index = 0; index < messageCount; index += 1) {
      const sentAt = Date.now();
      const seen: number[] = [];
      const id = post(system, ticket, 'alice', `Benchmark message ${index}`);
      arrivals.set(id, seen);
      const deadline = Date.now() + ARRIVAL_TIMEOUT_MS;
      while (seen.length < streamCount && Date.now() < deadline) await new Promise((done) => setTimeout(done, 5));
      if (seen.length < streamCount)
        throw new Error(`message ${index}: ${seen.length} of ${streamCount} streams got it`);
      latencies.push(...seen.map((at) => at - sentAt));
      await new Promise((done) => setTimeout(done, PAUSE_MS));
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `${streamCount} streams of one ticket, ${messageCount} messages one at a time; ${cpus().length} CPUs, ` +
        `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    console.log(
      markdownTable(
        ['measure', 'p50', 'p99', 'max'],
        [
          [
            'Discord message → each stream (ms)',
            String(percentile(latencies, 50)),
            String(percentile(latencies, 99)),
            String(latencies.at(-1)),
          ],
        ],
      ),
    );
  } finally {
    await Promise.all(streams.map((stream) => stream.close()));
    await web.close();
    await system.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
