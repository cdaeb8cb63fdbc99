import { log } from '@temporalio/workflow';
import type { TicketNotice, TicketSettings } from '../../domain/ticket.ts';
import { ticketThreadName } from '../../domain/ticket-naming.ts';
import { opensAsChannel, openTicketChannel, ticketSpace } from './channel-mode.ts';
import type { OpenTicketResult } from './definitions.ts';
import type { TicketRun } from './run.ts';
import { runStep, type StepOutcome } from './steps.ts';

/** What opening needs of Discord: a 403 or 404 here is an answer for the member, not a problem to wait out. */
const REFUSABLE = { target: 'thread', forbiddenIsFinal: true } as const;

/**
 * Registers the ticket (number, limits, blocklist) and gives it a private thread with its creator in it (a private
 * channel, for a type in channel mode).
 * Returns as soon as the member can be pointed at the thread; the welcome comes next.
 */
export async function openTicketThread(run: TicketRun): Promise<OpenTicketResult> {
  const ticket = run.ticket;
  const registered = await runStep(run, { target: 'database', step: 'register the ticket' }, () =>
    run.act.registerTicket({
      workflowId: ticket.workflowId,
      request: { guildId: ticket.guildId, type: ticket.type, creator: ticket.creator, answers: ticket.answers },
      openedAt: ticket.openedAt,
    }),
  );
  const registration = stepValue(registered);
  if (registration.outcome !== 'registered') {
    ticket.status = 'refused';
    run.publish();
    return registration;
  }

  const settings = registration.settings;
  ticket.ticketId = registration.ticketId;
  ticket.number = registration.number;
  ticket.settings = settings;
  ticket.nextReminderAt = settings.remindersChannelId ? ticket.openedAt + settings.reminderIntervalMs : null;
  if (run.hardened) ticket.welcomed = false;
  run.publish();

  const opened = opensAsChannel(ticket) ? await openChannel(run) : await openThread(run, registration.number);
  if (typeof opened !== 'string') return opened;
  ticket.status = 'open';
  run.publish();
  return { outcome: 'opened', workflowId: ticket.workflowId, number: registration.number, threadId: opened };
}

/** The ticket's private thread with its creator in it: its id, or why there is none. */
async function openThread(run: TicketRun, number: number): Promise<string | OpenTicketResult> {
  const { ticket } = run;
  const settings = ticket.settings as TicketSettings;
  const created = await runStep(run, { ...REFUSABLE, step: 'create the ticket thread' }, () =>
    run.act.createTicketThread({
      guildId: ticket.guildId,
      channelId: settings.ticketChannelId,
      name: ticketThreadName(number, ticket.type, ticket.creator.name),
    }),
  );
  if (!created.done) return closeUnopenable(run, refusedWords('The ticket thread could not be created', created));
  const { threadId } = created.value;
  ticket.threadId = threadId;
  await runStep(run, { target: 'database', step: 'record the thread' }, () =>
    run.act.recordTicketChange({ ...run.ref(), patch: { threadId } }),
  );
  // A thread its member cannot enter is no ticket: refuse it rather than leave the row open.
  const joined = await runStep(run, { ...REFUSABLE, step: 'add the member to the thread' }, () =>
    run.act.addThreadMembers({ threadId, userIds: [ticket.creator.id] }),
  );
  if (!joined.done) return closeUnopenable(run, refusedWords('You could not be added to the ticket thread', joined));
  return threadId;
}

/** The ticket's private channel, its creator let in as it is made: its id, or why there is none. */
async function openChannel(run: TicketRun): Promise<string | OpenTicketResult> {
  const opening = await openTicketChannel(run, REFUSABLE);
  if (!opening.done) return closeUnopenable(run, refusedWords('The ticket channel could not be created', opening));
  if (opening.value.outcome === 'categories_full') {
    return closeUnopenable(run, opening.value.message, 'categories_full');
  }
  const threadId = opening.value.channelId;
  run.ticket.threadId = threadId;
  await runStep(run, { target: 'database', step: 'record the channel' }, () =>
    run.act.recordTicketChange({ ...run.ref(), patch: { threadId } }),
  );
  return threadId;
}

/** Brings staff in and posts the answers, the type's questions and the notification ping. */
export async function welcomeTicket(run: TicketRun): Promise<StepOutcome<void>> {
  const { ticket } = run;
  const settings = ticket.settings;
  const threadId = ticket.threadId;
  if (!settings || !threadId) return { done: false, why: 'gone', message: 'the ticket has no thread' };
  // One key for every attempt, so a welcome retried after a problem is still one message.
  const welcomeKey = () => (run.hardened ? `${ticket.workflowId}:welcome` : run.nextKey('welcome'));
  const outcome = await runStep(
    run,
    { target: 'thread', step: 'welcome the ticket', onProblem: 'report' },
    async () => {
      await ticketSpace(run, threadId).welcomeStaff(settings.staffRoleIds);
      return run.act.postNotice({
        channelId: threadId,
        idempotencyKey: welcomeKey(),
        notice: welcomeNotice(run, settings),
      });
    },
  );
  if (!outcome.done) return outcome;
  ticket.welcomed = true;
  ticket.welcomeMessageId = outcome.value.messageId;
  return { done: true, value: undefined };
}

/** The welcome as the ticket is now: what is posted at first, and what edits of its summary show later. */
export function welcomeNotice(run: TicketRun, settings: TicketSettings): Extract<TicketNotice, { kind: 'welcome' }> {
  const { ticket } = run;
  return {
    kind: 'welcome',
    ticket: run.facts(),
    openingMessage: settings.openingMessage,
    answers: ticket.answers,
    questions: settings.questions,
    notificationRoleId: settings.notificationRoleId,
    timer: ticket.timer,
    ...(ticket.priority === undefined ? {} : { priority: ticket.priority, labels: ticket.labels ?? [] }),
    ...(settings.language === undefined ? {} : { language: settings.language }),
  };
}

/** The value of a step that cannot come back gone or held up (a database step waits until it succeeds). */
function stepValue<T>(outcome: StepOutcome<T>): T {
  if (!outcome.done) throw new Error(`unexpected step outcome: ${outcome.why}`);
  return outcome.value;
}

/**
 * Discord refused the thread or its member (missing permission, deleted channel): close the row so it never
 * counts as open, and tell the member why, naming what the guild must fix.
 */
function refusedWords(what: string, refused: Extract<StepOutcome<unknown>, { done: false }>): string {
  const reason = refused.why === 'gone' ? refused.message : refused.problem.message;
  return `${what}: ${reason || 'Discord refused'}.`;
}

async function closeUnopenable(
  run: TicketRun,
  message: string,
  code: 'thread_failed' | 'categories_full' = 'thread_failed',
): Promise<OpenTicketResult> {
  const { ticket } = run;
  log.warn('ticket opening refused by Discord', { workflowId: ticket.workflowId, message });
  const closedAt = Date.now();
  const key = run.nextKey('closed');
  await runStep(run, { target: 'database', step: 'record the refused ticket' }, () =>
    run.act.recordTicketChange({
      ...run.ref(),
      event: { key, kind: 'closed', actorId: null, at: closedAt, data: { reason: message } },
      patch: { status: 'closed', closedAt, closeReason: message, closedById: null },
    }),
  );
  ticket.closure = { reason: message, closedById: null, closedAt, automatic: true };
  ticket.status = 'refused';
  run.publish();
  return { outcome: 'refused', code, message };
}
