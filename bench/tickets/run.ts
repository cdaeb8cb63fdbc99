/**
 * Ticket-open benchmark: the whole system on this machine (Postgres, the Temporal dev server, the worker process,
 * the bot's discord.js client, the local Discord with its seeded guild), members opening support tickets from the
 * panel as a person would. Reports interaction acknowledgement and press-to-thread latency, sustained opens per
 * second at fixed concurrency and, on the same dev server, two ceilings: a workflow running as many no-op
 * activities as an open does, and an empty workflow. Prints tables and the lines for bench/tickets/RESULTS.md.
 *
 *   npm run bench:tickets                      a throwaway Postgres, then this file
 *   npx tsx bench/tickets/run.ts [--quick] [--bystanders N] [--staff N] [--max-in-flight N]
 *     with DATABASE_URL and TEMPORAL_CLI_PATH set; --quick: a smoke run; --bystanders and --staff grow the guild
 *     (plain members, and members of the staff role) to show what an open costs in a large community;
 *     --max-in-flight leaves out the timed runs with more opens in flight (for code that cannot keep up)
 */
import { cpus, totalmem } from 'node:os';
import { grantManualEntitlement } from '../../store/entitlements/manual-entitlements.ts';
import { eventually } from '../../test/support/ticket-harness.ts';
import {
  SUPPORT_QUESTION,
  startTicketflowSystem,
  type TicketflowSystem,
} from '../../test/support/ticketflow-system.ts';
import { bundleCeilingWorkflows, type CeilingRun, withCeilingWorker } from './ceiling-worker.ts';
import { type HistoryProfile, openUpdateCompleted, profileHistory } from './history-profile.ts';
import { markdownTable } from './markdown-table.ts';
import { measureRate, percentile, type RateMeasurement } from './measure-rate.ts';
import { type OpenedTicket, openTicketAsMember } from './open-ticket-as-member.ts';
import {
  isInteractionAnswer,
  type ListingCost,
  type RestTraffic,
  timeListing,
  watchRestTraffic,
} from './rest-traffic.ts';

interface Plan {
  warmUp: number;
  /** Timed runs, each followed by the ceilings at the same count and concurrency; the first one at a time. */
  runs: { concurrency: number; count: number }[];
}

const FULL_PLAN: Plan = {
  warmUp: 4,
  runs: [
    { concurrency: 1, count: 50 },
    { concurrency: 8, count: 160 },
    { concurrency: 16, count: 240 },
    { concurrency: 32, count: 320 },
  ],
};
const QUICK_PLAN: Plan = {
  warmUp: 2,
  runs: [
    { concurrency: 1, count: 3 },
    { concurrency: 4, count: 8 },
  ],
};
/** Welcomes (staff added, questions posted) run after the member's answer; a phase starts once they are done. */
const WELCOME_TIMEOUT_MS = 120_000;
const TARGET_SHARE_OF_CEILING = 0.7;

interface OpenPhase {
  concurrency: number;
  tickets: OpenedTicket[];
  measurement: RateMeasurement;
  /** Each ticket's history up to the open update's completion. */
  profiles: HistoryProfile[];
  traffic: RestTraffic;
}

interface CeilingPair {
  concurrency: number;
  noop: CeilingRun;
  empty: CeilingRun;
}

async function main(): Promise<void> {
  const plan = limitInFlight(
    process.argv.includes('--quick') ? QUICK_PLAN : FULL_PLAN,
    numberOption('--max-in-flight'),
  );
  const bundle = bundleCeilingWorkflows();
  const opensPlanned = plan.warmUp + plan.runs.reduce((sum, run) => sum + run.count, 0);
  const begun = Date.now();
  const crowd = { bystanders: numberOption('--bystanders'), staff: numberOption('--staff') };
  const system = await startTicketflowSystem({ extraMembers: opensPlanned, crowd });
  progress(`guild: ${system.world.users.size} members, ${crowd.staff + 1} of them staff`);
  progress(`system up in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
  // Enterprise has no monthly ticket limit: the benchmark opens far more than free's 50.
  await grantManualEntitlement(system.db.prisma, {
    holder: { kind: 'guild', guildId: system.world.guild.id },
    plan: 'enterprise',
    endsAt: null,
    reason: 'the ticket-open benchmark opens more tickets than a free month allows',
    operatorId: system.userId('sam'),
  });
  try {
    let nextMember = 0;
    const nextUsername = () => `member-${nextMember++}`;
    const phase = (count: number, concurrency: number) => runOpens(system, nextUsername, count, concurrency);

    const warmUp = await phase(plan.warmUp, 1);
    const activities = await openActivities(system, warmUp);
    progress(
      `warm-up: ${plan.warmUp} opens; an open runs ${activities.beforeAnswer.length} activities before the answer`,
    );
    // Each ceiling right after the opens it is compared with, so a burst of load from elsewhere on the shared
    // machine falls on one pair, not on every open against every ceiling.
    const { phases, ceilings } = await withCeilingWorker(
      system.temporal,
      await bundle,
      activities.beforeAnswer.length,
      async (worker) => {
        const phases: OpenPhase[] = [];
        const ceilings: CeilingPair[] = [];
        for (const run of plan.runs) {
          const opens = await phase(run.count, run.concurrency);
          const noop = await worker.noopActivities(run.count, run.concurrency);
          const empty = await worker.empty(run.count, run.concurrency);
          phases.push(opens);
          ceilings.push({ concurrency: run.concurrency, noop, empty });
          progress(
            `${run.concurrency} in flight: ${opens.measurement.perSecond.toFixed(2)} opens/s, ceilings ${noop.measurement.perSecond.toFixed(2)}/s and ${empty.measurement.perSecond.toFixed(2)}/s`,
          );
        }
        return { phases, ceilings };
      },
    );
    await assertEveryTicketOpen(system, [warmUp, ...phases]);
    const guildId = system.world.guild.id;
    const listings = [
      await timeListing(system.discord, 'GET /guilds/:id/threads/active', `/guilds/${guildId}/threads/active`),
      await timeListing(system.discord, 'GET /guilds/:id/members?limit=1000', `/guilds/${guildId}/members?limit=1000`),
    ];
    console.log(
      report({
        plan,
        activities,
        phases,
        ceilings,
        listings,
        guild: { members: system.world.users.size, staff: crowd.staff + 1 },
        totalSeconds: (Date.now() - begun) / 1000,
      }),
    );
  } finally {
    await system.close();
  }
}

/** The plan without its runs of more than `max` opens in flight; 0 keeps them all. */
function limitInFlight(plan: Plan, max: number): Plan {
  return max === 0 ? plan : { ...plan, runs: plan.runs.filter((run) => run.concurrency <= max) };
}

/** The options this run was given, as they follow `npm run bench:tickets`. */
function commandLine(): string {
  const options = process.argv.slice(2);
  return options.length > 0 ? ` -- ${options.join(' ')}` : '';
}

/** A whole-number command-line option (`--staff 20`), 0 when absent. */
function numberOption(name: string): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return 0;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} takes a whole number, not ${process.argv[index + 1]}`);
  return value;
}

function progress(line: string): void {
  process.stderr.write(`[bench:tickets] ${line}\n`);
}

async function runOpens(
  system: TicketflowSystem,
  nextUsername: () => string,
  count: number,
  concurrency: number,
): Promise<OpenPhase> {
  const tickets: OpenedTicket[] = [];
  const traffic = watchRestTraffic(system.discord);
  const startedAt = Date.now();
  const measurement = await measureRate(count, concurrency, async () => {
    tickets.push(await openTicketAsMember(system, nextUsername()));
  });
  traffic.timed(startedAt, Date.now());
  await everyTicketWelcomed(system, tickets);
  const profiles = await Promise.all(
    tickets.map(async (ticket) =>
      profileHistory(
        await system.temporal.client.workflow.getHandle(ticket.workflowId).fetchHistory(),
        openUpdateCompleted,
      ),
    ),
  );
  return { concurrency, tickets, measurement, profiles, traffic: traffic.end() };
}

async function everyTicketWelcomed(system: TicketflowSystem, tickets: OpenedTicket[]): Promise<void> {
  await eventually(() => {
    const waiting = tickets.filter(
      (ticket) => !JSON.stringify(system.discord.state.messagesIn(ticket.threadId)).includes(SUPPORT_QUESTION),
    );
    if (waiting.length > 0) throw new Error(`${waiting.length} ticket threads have no welcome yet`);
  }, WELCOME_TIMEOUT_MS);
}

interface OpenActivities {
  /** The activities a real open ran to completion before the open update answered, in order. */
  beforeAnswer: string[];
  /** The ones it ran after (bringing staff in, posting the questions), until the ticket rested. */
  afterAnswer: string[];
}

/** Counted from real opened tickets' histories; every warm-up ticket must agree. */
async function openActivities(system: TicketflowSystem, warmUp: OpenPhase): Promise<OpenActivities> {
  const counted = await Promise.all(
    warmUp.tickets.map(async (ticket) => {
      const history = await system.temporal.client.workflow.getHandle(ticket.workflowId).fetchHistory();
      const beforeAnswer = profileHistory(history, openUpdateCompleted).activities.map((activity) => activity.type);
      const scheduled = (history.events ?? []).flatMap(
        (event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
      );
      return { beforeAnswer, afterAnswer: scheduled.slice(beforeAnswer.length) };
    }),
  );
  const first = counted[0];
  if (!first || counted.some((one) => JSON.stringify(one) !== JSON.stringify(first))) {
    throw new Error(`the warm-up opens ran different activities: ${JSON.stringify(counted)}`);
  }
  return first;
}

/** Every reply said opened; now the database must hold each of those tickets open, with the thread it named. */
async function assertEveryTicketOpen(system: TicketflowSystem, phases: OpenPhase[]): Promise<void> {
  const tickets = phases.flatMap((phase) => phase.tickets);
  const rows = await system.db.prisma.ticket.findMany({
    where: { guildId: system.world.guild.id },
    select: { workflowId: true, status: true, threadId: true, number: true },
  });
  const byWorkflow = new Map(rows.map((row) => [row.workflowId, row]));
  const wrong = tickets.filter((ticket) => {
    const row = byWorkflow.get(ticket.workflowId);
    return row?.status !== 'open' || row.threadId !== ticket.threadId || row.number !== ticket.number;
  });
  if (wrong.length > 0 || rows.length !== tickets.length) {
    throw new Error(
      `${wrong.length} tickets are not open with their thread; ${rows.length} rows for ${tickets.length} opens`,
    );
  }
}

interface Report {
  plan: Plan;
  activities: OpenActivities;
  /** The timed runs, the first one at a time. */
  phases: OpenPhase[];
  ceilings: CeilingPair[];
  listings: ListingCost[];
  guild: { members: number; staff: number };
  totalSeconds: number;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const load = (concurrency: number) => (concurrency === 1 ? 'one at a time' : `${concurrency} in flight`);

/** Discord's global limit per bot, which @discordjs/rest enforces by default for each REST client. */
const GLOBAL_REQUESTS_PER_SECOND = 50;

function report({ plan, activities, phases, ceilings, listings, guild, totalSeconds }: Report): string {
  const k = activities.beforeAnswer.length;
  const oneAtATime = phases[0] as OpenPhase;
  const latencyRows = phases.flatMap((phase) => {
    const row = (what: string, samples: number[]) => [
      what,
      load(phase.concurrency),
      String(samples.length),
      ms(percentile(samples, 50)),
      ms(percentile(samples, 99)),
    ];
    return [
      row(
        'ack: panel button (modal shown)',
        phase.tickets.map((ticket) => ticket.pressAckMs),
      ),
      row(
        'ack: modal submit (deferred reply)',
        phase.tickets.map((ticket) => ticket.submitAckMs),
      ),
      row(
        'press → thread ready (reply with link)',
        phase.tickets.map((ticket) => ticket.pressToThreadMs),
      ),
    ];
  });
  const latency = markdownTable(['latency', 'load', 'samples', 'p50', 'p99'], latencyRows);

  const rateRows: string[][] = [];
  const verdicts: string[] = [];
  const rateRow = (what: string, concurrency: number, measurement: RateMeasurement, pair: CeilingPair) => [
    what,
    String(concurrency),
    String(measurement.completed),
    measurement.seconds.toFixed(1),
    measurement.perSecond.toFixed(2),
    percent(measurement.perSecond / pair.noop.measurement.perSecond),
    percent(measurement.perSecond / pair.empty.measurement.perSecond),
  ];
  for (const phase of phases) {
    const pair = ceilings.find((candidate) => candidate.concurrency === phase.concurrency) as CeilingPair;
    rateRows.push(
      rateRow('ticket opens (press → thread ready)', phase.concurrency, phase.measurement, pair),
      rateRow(`ceiling: ${k} no-op activities`, phase.concurrency, pair.noop.measurement, pair),
      rateRow('ceiling: empty workflow', phase.concurrency, pair.empty.measurement, pair),
    );
    const share = phase.measurement.perSecond / pair.noop.measurement.perSecond;
    verdicts.push(
      `- ${phase.concurrency} in flight: ${phase.measurement.perSecond.toFixed(2)} opens/s = ${percent(share)} of the ${k}-activity ceiling (${pair.noop.measurement.perSecond.toFixed(2)}/s): ${share >= TARGET_SHARE_OF_CEILING ? 'target met' : 'TARGET MISSED'}`,
    );
  }
  const rates = markdownTable(
    ['workflow', 'in flight', 'completed', 'wall s', 'per second', `vs ${k}-activity ceiling`, 'vs empty ceiling'],
    rateRows,
  );
  const where = markdownTable(
    ['where an open spends its time (mean per open)', ...phases.map((phase) => load(phase.concurrency))],
    breakdownRows(phases, ceilings),
  );
  const perActivity = markdownTable(
    ['activity (mean run ms / queue ms)', ...phases.map((phase) => load(phase.concurrency))],
    activityRows(activities.beforeAnswer, phases, ceilings),
  );
  const routes = [...new Set(phases.flatMap((phase) => [...phase.traffic.byRoute.keys()]))].sort();
  const perOpen = (phase: OpenPhase, route: string) => (phase.traffic.byRoute.get(route) ?? 0) / phase.tickets.length;
  const workerPerOpen = (phase: OpenPhase) =>
    routes.filter((route) => !isInteractionAnswer(route)).reduce((sum, route) => sum + perOpen(phase, route), 0);
  const traffic = markdownTable(
    ['REST requests to the local Discord per open', ...phases.map((phase) => load(phase.concurrency))],
    [
      ...routes.map((route) => [route, ...phases.map((phase) => perOpen(phase, route).toFixed(2))]),
      ['the worker’s, per open', ...phases.map((phase) => workerPerOpen(phase).toFixed(2))],
      ['the worker’s, per second while timed', ...phases.map((phase) => phase.traffic.workerPerSecond.toFixed(1))],
    ],
  );
  const listingTable = markdownTable(
    ['guild-wide listing, at the end of the run', 'items', 'KB', 'ms (median of 5, idle)'],
    listings.map((listing) => [
      listing.route,
      String(listing.items),
      listing.kilobytes.toFixed(0),
      listing.ms.toFixed(0),
    ]),
  );
  const requestsPerOpen = workerPerOpen(phases.at(-1) ?? oneAtATime);
  const activityMs = (profile: HistoryProfile) => profile.activities.reduce((sum, activity) => sum + activity.runMs, 0);
  const register = (phase: OpenPhase) => mean(phase.profiles.map((profile) => profile.activities[0]?.runMs ?? 0));
  const limits = [
    `- Discord's request budget: the worker makes ${requestsPerOpen.toFixed(0)} REST requests per open, and a bot gets ${GLOBAL_REQUESTS_PER_SECOND} per second (Discord's global limit, which @discordjs/rest enforces by default), so one bot opens at most ${(GLOBAL_REQUESTS_PER_SECOND / requestsPerOpen).toFixed(1)} tickets per second whatever the concurrency; the worker sent ${phases.map((phase) => `${phase.traffic.workerPerSecond.toFixed(0)} (${load(phase.concurrency)})`).join(', ')} requests/s while timed. The ceilings make no request; interaction answers (the bot's) are exempt.`,
    `- Guild-wide listings grow with the guild; an open makes one only on a retry of its thread creation (active threads), never to find staff, who join the thread by a mention of their role (${listings.map((listing) => `${listing.route}: ${listing.items} items, ${listing.ms.toFixed(0)} ms`).join('; ')}).`,
    '- Two cores shared by the dev server, the worker process, the bot, Postgres, the local Discord, the driver and the in-process ceiling worker (and other work on the machine while this ran).',
    `- Sequential steps: one open alone takes ${ms(mean(oneAtATime.tickets.map((ticket) => ticket.pressToThreadMs)))} from press to thread, of which its activities ran ${ms(mean(oneAtATime.profiles.map(activityMs)))}; the rest is Temporal scheduling ${k} activities and their workflow tasks one after another.`,
    `- The guild's counter row in Postgres serialises one guild's registrations: registerTicket ran ${phases.map((phase) => `${ms(register(phase))} (${load(phase.concurrency)})`).join(', ')}.`,
  ];
  const cpu = cpus();
  return `# Ticket-open benchmark results

Command: \`npm run bench:tickets${commandLine()}\` (from the repository root: scripts/bench-tickets.sh, a throwaway Postgres, then \`tsx bench/tickets/run.ts\`)
Machine: ${cpu.length}-core (${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB), Node ${process.version}, shared with other work while it ran
Date: ${new Date().toISOString().slice(0, 10)}; the whole run took ${totalSeconds.toFixed(0)} s

Opening a ticket runs ${k} activities before the member is answered (${activities.beforeAnswer.join(', ')}), then ${activities.afterAnswer.length} more to welcome the ticket (${activities.afterAnswer.join(', ')}). Warm-up: ${plan.warmUp} opens, not counted.

${latency}

${rates}

Target (opens per second at least ${percent(TARGET_SHARE_OF_CEILING)} of the ${k}-activity ceiling):

${verdicts.join('\n')}

${where}

${perActivity}

${traffic}

${listingTable}

What limits these figures:

${limits.join('\n')}

How to read it:

- Each open is a different plain member of the seeded guild (${guild.members} members, ${guild.staff} of them in the staff role, the notification role pinged) pressing the panel's Support button in #tickets and submitting its one-question modal at once, so an open is what a member gets.
- Acknowledgement: from the local Discord receiving the interaction to the bot's first callback (the modal; the deferred reply), on the local Discord's clock. Press → thread ready: from the press to the bot's reply naming the thread, on the driver's clock.
- Opens per second: completed opens / wall time with a fixed number in flight. Every reply must say the ticket is open; afterwards every thread must hold its welcome and the database every ticket open with the thread its reply named, or the run fails.
- Ceilings: a second worker in this process, on its own task queue of the same dev server, runs each workflow started and awaited from the client, with the same count and concurrency, right after the opens it is compared with. The activity count comes from the warm-up tickets' histories (activities completed before the open update completed).
- The time breakdown lines up the workflow histories' server times with the driver's clock (one machine, one clock).
`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)} %`;
}

/** Steps of an open, lined up on one clock (all parts run on this machine), and the ceiling's whole workflow. */
function breakdownRows(phases: OpenPhase[], ceilings: CeilingPair[]): string[][] {
  const step = (what: string, value: (phase: OpenPhase) => number[]) => [
    what,
    ...phases.map((phase) => ms(mean(value(phase)))),
  ];
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const pairOf = (phase: OpenPhase) => ceilings.find((pair) => pair.concurrency === phase.concurrency);
  return [
    step('press → modal shown (bot: config read, showModal)', (phase) => phase.tickets.map((t) => t.pressAckMs)),
    step('submit → workflow started (bot: defer, config read, update-with-start)', (phase) =>
      phase.tickets.map((t, index) => (phase.profiles[index] as HistoryProfile).startedAtMs - t.submittedAt),
    ),
    step('workflow started → open update completed', (phase) =>
      phase.profiles.map((profile) => profile.endedAtMs - profile.startedAtMs),
    ),
    step('of which activities running', (phase) =>
      phase.profiles.map((profile) => sum(profile.activities.map((activity) => activity.runMs))),
    ),
    step('of which activities queued', (phase) =>
      phase.profiles.map((profile) => sum(profile.activities.map((activity) => activity.queueMs))),
    ),
    step('of which workflow tasks (queue + run)', (phase) => phase.profiles.map((profile) => profile.workflowTaskMs)),
    step('update completed → member sees the reply (bot: answer, local Discord)', (phase) =>
      phase.tickets.map((t, index) => t.answeredAt - (phase.profiles[index] as HistoryProfile).endedAtMs),
    ),
    [
      'ceiling: no-op workflow started → completed',
      ...phases.map((phase) => {
        const pair = pairOf(phase);
        return pair ? ms(mean(pair.noop.profiles.map((profile) => profile.endedAtMs - profile.startedAtMs))) : '—';
      }),
    ],
  ];
}

/** Each open activity's mean run and queue time, and the ceiling's no-op for comparison. */
function activityRows(types: string[], phases: OpenPhase[], ceilings: CeilingPair[]): string[][] {
  const cell = (timings: { runMs: number; queueMs: number }[]) =>
    timings.length === 0
      ? '—'
      : `${mean(timings.map((t) => t.runMs)).toFixed(0)} / ${mean(timings.map((t) => t.queueMs)).toFixed(0)}`;
  return [
    ...types.map((type, position) => [
      `${position + 1}. ${type}`,
      ...phases.map((phase) => cell(phase.profiles.flatMap((profile) => profile.activities[position] ?? []))),
    ]),
    [
      'ceiling: noop (all of them)',
      ...phases.map((phase) => {
        const pair = ceilings.find((candidate) => candidate.concurrency === phase.concurrency);
        return pair ? cell(pair.noop.profiles.flatMap((profile) => profile.activities)) : '—';
      }),
    ],
  ];
}

await main();
