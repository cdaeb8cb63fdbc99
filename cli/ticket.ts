/**
 * The operator's ticket command, until the Discord bot and the panel exist:
 *   npm run ticket -- open --type support --member alice --answer "My order never arrived"
 *   npm run ticket -- show <workflow id>
 *   npm run ticket -- close <workflow id> --as sam --staff --reason "Refund issued"
 * Members are named as in the local Discord's demo guild, or given as Discord ids with --guild. A ticket whose row
 * says it is closed is shown and answered from the row in Postgres, without asking its workflow, which has ended.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ConfigError } from '../config/parse-env.ts';
import { loadPlanCatalogue } from '../config/plans-config.ts';
import { loadTemporalConfig } from '../config/temporal-config.ts';
import { isDiscordId } from '../domain/discord-id.ts';
import type { Actor } from '../domain/ticket.ts';
import { createPrismaClient, type PrismaClient } from '../prisma/client.ts';
import { loadDemoEnv } from '../sandbox/demo/demo-env.ts';
import { readDemoWorld } from '../sandbox/demo/demo-world.ts';
import { createGuildConfigRepository } from '../store/guild-config-repository.ts';
import { createTemporalClient } from '../temporal/client.ts';
import { openTicketWorkflow } from '../temporal/ticket-client.ts';
import { closeTicket, getTicketState } from '../workflows/ticket/definitions.ts';
import { alreadyClosed, closedWords, readTicketRecord, recordView, type TicketRecord } from './ticket-record.ts';

const usage = `usage:
  npm run ticket -- open --type KEY (--member NAME | --guild ID --member-id ID --member-name NAME) [--answer TEXT]...
  npm run ticket -- show WORKFLOW_ID
  npm run ticket -- close WORKFLOW_ID --as NAME_OR_ID [--staff] [--reason TEXT]`;

class UsageError extends Error {}

/** The local cluster scripts/start.sh runs when DATABASE_URL is not set (port TICKETFLOW_PG_PORT, default 54329). */
function databaseUrl(): string {
  return (
    process.env.DATABASE_URL || `postgresql://postgres@127.0.0.1:${process.env.TICKETFLOW_PG_PORT || 54329}/ticketflow`
  );
}

async function member(
  name: string,
  guildFlag: string | undefined,
): Promise<{ guildId: string; id: string; name: string }> {
  if (guildFlag) {
    if (!isDiscordId(name)) throw new UsageError('with --guild, members are given by their Discord id');
    return { guildId: guildFlag, id: name, name };
  }
  const world = await readDemoWorld(loadDemoEnv().dataDir);
  const found = isDiscordId(name) ? Object.values(world.members).find((m) => m.id === name) : world.members[name];
  if (!found)
    throw new UsageError(`the demo guild has no member ${name}; it has ${Object.keys(world.members).join(', ')}`);
  return { guildId: world.guildId, ...found };
}

/** The Temporal client, connected when first asked for. */
type TicketService = () => Promise<Client>;

/** Runs `use` with the ticket rows in Postgres, disconnecting after. */
async function withRecords(use: (records: PrismaClient) => Promise<void>): Promise<void> {
  const prisma = createPrismaClient(databaseUrl());
  try {
    await use(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Prints the ticket: a closed one from its row (its workflow has ended, and may be gone from Temporal), an open one
 * as its workflow knows it, and from its row again when the workflow turns out to have just ended.
 */
async function show(ticketService: TicketService, records: PrismaClient, workflowId: string): Promise<void> {
  const record = await readTicketRecord(records, workflowId);
  if (record?.status === 'closed') return printRecord(record);
  try {
    const workflow = (await ticketService()).workflow.getHandle(workflowId);
    console.log(JSON.stringify(await workflow.query(getTicketState), null, 2));
  } catch (error) {
    const now = error instanceof WorkflowNotFoundError ? await readTicketRecord(records, workflowId) : null;
    if (!now) throw error;
    printRecord(now);
  }
}

function printRecord(record: TicketRecord): void {
  console.log(JSON.stringify(recordView(record), null, 2));
}

/**
 * Closes the ticket through its workflow. A ticket its row says is closed is answered from the row, and so is one
 * whose workflow turns out to have ended meanwhile: nothing is asked of a workflow that is gone.
 */
async function close(
  ticketService: TicketService,
  records: PrismaClient,
  workflowId: string,
  request: { actor: Actor; reason: string | null },
): Promise<void> {
  const record = await readTicketRecord(records, workflowId);
  if (record?.status === 'closed') return answerClosed(record);
  try {
    const workflow = (await ticketService()).workflow.getHandle(workflowId);
    const result = await workflow.executeUpdate(closeTicket, { args: [request] });
    console.log(JSON.stringify(result, null, 2));
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    const now = await readTicketRecord(records, workflowId);
    if (now?.status !== 'closed') throw new EndedError(`the workflow of ${workflowId} has ended; nothing was changed`);
    answerClosed(now);
  }
}

function answerClosed(record: TicketRecord): void {
  console.log(JSON.stringify(alreadyClosed(record), null, 2));
  console.error(`${closedWords(record)}; nothing was changed`);
}

/** The ticket's workflow has ended without a closed row to answer from. */
class EndedError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      member: { type: 'string' },
      guild: { type: 'string' },
      'member-id': { type: 'string' },
      'member-name': { type: 'string' },
      answer: { type: 'string', multiple: true },
      as: { type: 'string' },
      staff: { type: 'boolean', default: false },
      reason: { type: 'string' },
    },
  });
  const [command, workflowId] = positionals;
  const temporal = loadTemporalConfig();
  // Connected on first use: a closed ticket is answered from Postgres, whether or not Temporal is reachable.
  let connected: ReturnType<typeof createTemporalClient> | undefined;
  const ticketService = async () => {
    connected ??= createTemporalClient(temporal);
    return (await connected).client;
  };
  try {
    if (command === 'open') {
      if (!values.type) throw new UsageError('open needs --type');
      const creator = values.guild
        ? { guildId: values.guild, id: values['member-id'] ?? '', name: values['member-name'] ?? '' }
        : await member(values.member ?? '', undefined);
      const prisma = createPrismaClient(databaseUrl());
      const config = await createGuildConfigRepository(prisma, loadPlanCatalogue())
        .loadGuildConfig(creator.guildId)
        .finally(() => prisma.$disconnect());
      const questions = config?.ticketTypes.find((t) => t.key === values.type)?.questions ?? [];
      const answers = (values.answer ?? []).slice(0, questions.length).map((answer, i) => ({
        question: questions[i]?.label ?? '',
        answer,
      }));
      const result = await openTicketWorkflow(await ticketService(), {
        request: {
          guildId: creator.guildId,
          type: values.type,
          creator: { id: creator.id, name: creator.name },
          answers,
        },
        requestId: `cli-${randomUUID()}`,
        taskQueue: temporal.taskQueue,
      });
      console.log(JSON.stringify(result, null, 2));
      // A script must see a refusal as a failure, as it sees a refused close.
      if (result.outcome === 'refused') {
        console.error(`refused: ${result.message}`);
        process.exitCode = 1;
      }
    } else if (command === 'show' && workflowId) {
      await withRecords((records) => show(ticketService, records, workflowId));
    } else if (command === 'close' && workflowId) {
      if (!values.as) throw new UsageError('close needs --as (who closes it)');
      const who = values.guild ? { id: values.as, name: values.as } : await member(values.as, undefined);
      const actor: Actor = { id: who.id, name: who.name, isStaff: values.staff };
      await withRecords((records) =>
        close(ticketService, records, workflowId, { actor, reason: values.reason ?? null }),
      );
    } else {
      throw new UsageError(command ? `unknown command or missing workflow id: ${command}` : 'no command');
    }
  } finally {
    await connected?.then(({ connection }) => connection.close()).catch(() => undefined);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n${usage}`);
  else if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof WorkflowUpdateFailedError) console.error(`refused: ${err.cause?.message ?? err.message}`);
  else if (err instanceof EndedError) console.error(err.message);
  else if (err instanceof WorkflowNotFoundError) console.error(`no ticket workflow ${err.workflowId}`);
  else console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
