import { ActivityFailure, ApplicationFailure, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Actor, TicketActivities } from '../../domain/ticket.ts';
import { changedLabels, DEFAULT_PRIORITY, findLabel, type TicketPriority } from '../../domain/ticket-metadata.ts';
import { renamedThreadName } from '../../domain/ticket-naming.ts';
import { ticketSpace } from './channel-mode.ts';
import type { TicketView } from './definitions.ts';
import { changeLabels, moveTicket, renameTicket, setPriority } from './metadata-definitions.ts';
import { validateLabelChange, validateMove, validatePriority, validateRename } from './metadata-validators.ts';
import { welcomeNotice } from './opening.ts';
import type { TicketRun } from './run.ts';
import { applySlaTargets } from './sla.ts';
import { record, tellThread, unlessUnavailable } from './staff-actions.ts';
import { runStep } from './steps.ts';

/** Marks runs whose tickets start at normal priority with an empty label list, both in the search attributes. */
export const PRIORITY_LABELS_PATCH = 'priority-labels';
/** Marks runs in which staff renamed or moved the ticket, so later changes to either can tell these runs apart. */
export const RENAME_MOVE_PATCH = 'rename-move';

/**
 * Discord allows about 2 renames per channel per 10 minutes. A rename past that is refused at once, with when to
 * try again, rather than retried: the activity would otherwise wait minutes inside the staff member's update.
 */
const renameActivities = proxyActivities<Pick<TicketActivities, 'renameThread'>>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '16 seconds',
    maximumAttempts: 5,
    nonRetryableErrorTypes: ['DiscordRateLimited'],
  },
});

/** Runs a staff change behind the ticket's other changes, once the ticket is still open. */
type StaffAction = (action: () => Promise<void>) => Promise<TicketView>;

/**
 * Priority, labels, rename and move: the updates staff use to sort and shape a ticket. Registered with the other
 * handlers, before the workflow's first await; each validator refuses before anything is recorded.
 */
export function setTicketMetadataHandlers(run: TicketRun, staffAction: StaffAction): void {
  const { ticket } = run;
  if (patched(PRIORITY_LABELS_PATCH)) {
    ticket.priority ??= DEFAULT_PRIORITY;
    ticket.labels ??= [];
  }
  setHandler(setPriority, ({ actor, priority }) => staffAction(() => changePriority(run, actor, priority)), {
    validator: ({ actor, priority }) => validatePriority(ticket, actor, priority),
    description: 'Staff set the priority: low, normal, high or urgent.',
  });
  setHandler(changeLabels, ({ actor, add, remove }) => staffAction(() => relabel(run, actor, add, remove)), {
    validator: ({ actor, add, remove }) => validateLabelChange(ticket, actor, add, remove),
    description: "Staff add labels from the guild's list to the ticket, or remove labels from it.",
  });
  setHandler(renameTicket, ({ actor, name }) => staffAction(() => rename(run, actor, name)), {
    validator: ({ actor, name }) => validateRename(ticket, actor, name),
    description: 'Staff rename the thread; its number prefix stays.',
  });
  setHandler(moveTicket, ({ actor, typeKey }) => staffAction(() => move(run, actor, typeKey)), {
    validator: ({ actor, typeKey }) => validateMove(ticket, actor, typeKey),
    description: 'Staff move the ticket to another type of the guild.',
  });
}

async function changePriority(run: TicketRun, actor: Actor, priority: TicketPriority): Promise<void> {
  const { ticket } = run;
  const previous = ticket.priority ?? DEFAULT_PRIORITY;
  if (previous === priority) return;
  await record(run, {
    ...run.ref(),
    event: {
      key: run.nextKey('priority_changed'),
      kind: 'priority_changed',
      actorId: actor.id,
      at: Date.now(),
      data: { priority, previous },
    },
    patch: { priority },
  });
  ticket.priority = priority;
  ticket.labels ??= [];
  run.publish();
  await tellThread(run, () => ({ kind: 'priority_changed', ticket: run.facts(), ...language(run), priority, actor }));
  await showSummary(run);
}

/** Labels to add must be on the guild's list as it is now; a label taken off the list may still be removed. */
async function relabel(run: TicketRun, actor: Actor, add: string[], remove: string[]): Promise<void> {
  const { ticket } = run;
  const guildLabels = await read(run, "The server's labels could not be read just now", () =>
    run.act.loadGuildLabels({ guildId: ticket.guildId }),
  );
  const unknown = add.filter((label) => findLabel(guildLabels, label) === undefined);
  if (unknown.length > 0) {
    throw ApplicationFailure.create({
      type: 'UnknownLabel',
      message:
        `${unknown.map((label) => `"${label.trim()}"`).join(', ')} is not one of this server's labels` +
        (guildLabels.length > 0 ? ` (${guildLabels.join(', ')}).` : ', which has none yet.') +
        ' Nothing was changed.',
      nonRetryable: true,
      details: [{ unknown, guildLabels }],
    });
  }
  const current = ticket.labels ?? [];
  const labels = changedLabels(current, guildLabels, { add, remove });
  const added = labels.filter((label) => !current.includes(label));
  const removed = current.filter((label) => !labels.includes(label));
  if (added.length === 0 && removed.length === 0) return;
  await record(run, {
    ...run.ref(),
    event: {
      key: run.nextKey('labels_changed'),
      kind: 'labels_changed',
      actorId: actor.id,
      at: Date.now(),
      // Label names hold no commas (domain/guild-config.ts), so a list is one comma-separated value.
      data: { added: added.join(','), removed: removed.join(','), labels: labels.join(',') },
    },
    patch: { labels },
  });
  ticket.labels = labels;
  ticket.priority ??= DEFAULT_PRIORITY;
  run.publish();
  await tellThread(run, () => ({
    kind: 'labels_changed',
    ticket: run.facts(),
    ...language(run),
    added,
    removed,
    labels,
    actor,
  }));
  await showSummary(run);
}

/**
 * Discord first: the thread is renamed, then the rename is recorded. Refused when Discord's rename limit is
 * reached, naming when it can be tried again; nothing is recorded then.
 */
async function rename(run: TicketRun, actor: Actor, name: string): Promise<void> {
  const { ticket } = run;
  patched(RENAME_MOVE_PATCH);
  const threadId = ticket.threadId;
  const threadName = renamedThreadName(ticket.number ?? 0, name);
  if (!threadId || threadName === null || threadName === ticket.threadName) return;
  let limitedForMs: number | null = null;
  await unlessUnavailable(run, 'Discord did not rename the thread', async () => {
    try {
      await renameActivities.renameThread({
        threadId,
        name: threadName,
        channel: ticketSpace(run, threadId).isChannel,
      });
    } catch (err) {
      limitedForMs = rateLimitOf(err);
      if (limitedForMs === null) throw err;
    }
  });
  if (limitedForMs !== null) {
    const minutes = Math.max(1, Math.ceil(limitedForMs / 60_000));
    throw ApplicationFailure.create({
      type: 'RenameRateLimited',
      message: `Discord allows only 2 renames of a thread per 10 minutes: try again in ${minutes} minute(s). Nothing was changed.`,
      nonRetryable: true,
      details: [{ retryAfterMs: limitedForMs }],
    });
  }
  await record(run, {
    ...run.ref(),
    event: {
      key: run.nextKey('renamed'),
      kind: 'renamed',
      actorId: actor.id,
      at: Date.now(),
      data: { name: threadName },
    },
    patch: {},
  });
  ticket.threadName = threadName;
  await tellThread(run, () => ({ kind: 'renamed', ticket: run.facts(), ...language(run), name: threadName, actor }));
}

/** Discord's wait in milliseconds when the rename hit its rate limit; null for any other failure. */
function rateLimitOf(err: unknown): number | null {
  if (!(err instanceof ActivityFailure) || !(err.cause instanceof ApplicationFailure)) return null;
  if (err.cause.type !== 'DiscordRateLimited') return null;
  const [details] = (err.cause.details ?? []) as { retryAfterMs?: number }[];
  return typeof details?.retryAfterMs === 'number' ? details.retryAfterMs : 10 * 60_000;
}

/**
 * The ticket takes the new type's name, opening message and questions, and staff roles: roles it did not have are
 * brought into the thread first, so a refusal there changes nothing. Its number, thread, answers, priority and
 * labels stay. The thread hears which questions the new type asks; the welcome's summary shows the new type.
 */
async function move(run: TicketRun, actor: Actor, typeKey: string): Promise<void> {
  const { ticket } = run;
  patched(RENAME_MOVE_PATCH);
  const held = ticket.settings;
  if (!held || ticket.type === typeKey) return;
  const moved = await read(run, "The server's ticket types could not be read just now", () =>
    run.act.loadTicketTypeSettings({ guildId: ticket.guildId, typeKey }),
  );
  if (moved === null) {
    throw ApplicationFailure.create({
      type: 'UnknownType',
      message: `This server has no ticket type "${typeKey}". Nothing was changed.`,
      nonRetryable: true,
    });
  }
  const threadId = ticket.threadId;
  const newRoles = moved.staffRoleIds.filter((roleId) => !held.staffRoleIds.includes(roleId));
  if (threadId && newRoles.length > 0) {
    await unlessUnavailable(run, "Discord did not let the new type's staff into the ticket", async () => {
      await ticketSpace(run, threadId).addStaffRoles(newRoles);
    });
  }
  const fromType = ticket.type;
  await record(run, {
    ...run.ref(),
    event: {
      key: run.nextKey('moved'),
      kind: 'moved',
      actorId: actor.id,
      at: Date.now(),
      data: { from: fromType, to: typeKey, fromName: held.typeName, toName: moved.typeName },
    },
    patch: { typeKey, typeName: moved.typeName },
  });
  ticket.type = typeKey;
  ticket.settings = { ...held, ...moved };
  // The SLA clocks keep what they counted and aim at the new type's targets.
  if (moved.sla) applySlaTargets(ticket, moved.sla, Date.now());
  run.publish();
  await tellThread(run, () => ({
    kind: 'moved',
    ticket: run.facts(),
    ...language(run),
    fromTypeName: held.typeName,
    questions: moved.questions,
    actor,
  }));
  await showSummary(run);
}

/** A read a change depends on; when it keeps failing, the caller hears that nothing changed. */
async function read<T>(run: TicketRun, what: string, call: () => Promise<T>): Promise<T> {
  let value: T | undefined;
  await unlessUnavailable(run, what, async () => {
    value = await call();
  });
  return value as T;
}

function language(run: TicketRun): { language?: string } {
  const language = run.ticket.settings?.language;
  return language === undefined ? {} : { language };
}

/**
 * Edits the welcome message so its summary shows the ticket as it is now. After the notice, since posting unarchives
 * a thread Discord auto-archived, whose messages could not be edited otherwise.
 */
async function showSummary(run: TicketRun): Promise<void> {
  const { threadId, welcomeMessageId: messageId, settings } = run.ticket;
  if (!threadId || !messageId || !settings) return;
  const step = { target: 'thread', step: 'show the summary in the welcome message', onProblem: 'report' } as const;
  const outcome = await runStep(run, step, () =>
    run.act.editWelcome({ threadId, messageId, notice: welcomeNotice(run, settings) }),
  );
  // Someone deleted the message (or the thread): later changes have nothing to edit.
  if (!outcome.done && outcome.why === 'gone') run.ticket.welcomeMessageId = undefined;
}
