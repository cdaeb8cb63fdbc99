import { log, patched } from '@temporalio/workflow';
import type { TicketChannelAccess, TicketNotice } from '../../domain/ticket.ts';
import { ticketChannelName, ticketChannelTopic } from '../../domain/ticket-channel-mode.ts';
import { ticketLabel } from '../../domain/ticket-naming.ts';
import type { TicketView } from './definitions.ts';
import type { TicketRun } from './run.ts';
import { runStep, type StepOutcome } from './steps.ts';

/** Marks runs that may open their ticket as a private channel (a type in channel mode) instead of a thread. */
export const CHANNEL_MODE_PATCH = 'channel-mode';

/**
 * Whether this ticket opens as a channel: its type says so and this run knows channel mode. Asked only for types
 * in channel mode, so thread tickets' histories carry no marker of it.
 */
export function opensAsChannel(ticket: TicketView): boolean {
  return ticket.settings?.mode === 'channel' && patched(CHANNEL_MODE_PATCH);
}

export type ChannelOpening = StepOutcome<
  { outcome: 'created'; channelId: string } | { outcome: 'categories_full'; message: string }
>;

/**
 * Makes the ticket's channel: the creator and the staff roles are let in by its overwrites as it is created, so
 * nobody needs adding afterwards. All categories full is an answer for the member, naming what the guild must do.
 */
export async function openTicketChannel(
  run: TicketRun,
  step: { target: 'thread'; forbiddenIsFinal: true },
): Promise<ChannelOpening> {
  const { ticket } = run;
  const settings = ticket.settings;
  const number = ticket.number;
  const ticketId = ticket.ticketId;
  if (!settings || number === null || ticketId === null) throw new Error('a ticket channel needs a registered ticket');
  const created = await runStep(run, { ...step, step: 'create the ticket channel' }, () =>
    run.act.createTicketChannel({
      guildId: ticket.guildId,
      categoryIds: settings.ticketCategoryIds ?? [],
      name: ticketChannelName(number, ticket.type, ticket.creator.name),
      topic: ticketChannelTopic(ticketLabel(number), ticketId),
      ticketId,
      creatorId: ticket.creator.id,
      staffRoleIds: settings.staffRoleIds,
    }),
  );
  if (!created.done) return created;
  if (created.value.outcome === 'categories_full') {
    const { categoryCount } = created.value;
    log.warn('ticket refused: every ticket category is full', { workflowId: ticket.workflowId, categoryCount });
    const message =
      `Every ticket category of this server is full (Discord allows 50 channels in one; ${categoryCount} ` +
      'listed). Ask the staff to add a category with /ticket-config categories, or to delete old channels.';
    return { done: true, value: { outcome: 'categories_full', message } };
  }
  ticket.channelKind = 'channel';
  return { done: true, value: { outcome: 'created', channelId: created.value.channelId } };
}

/**
 * The one place that knows a ticket's kind: what adding people, locking, unlocking and retiring the ticket mean
 * for its thread or for its channel. Each returns the activity's promise, to run inside the caller's step.
 */
export function ticketSpace(run: TicketRun, spaceId: string) {
  const { ticket } = run;
  const isChannel = ticket.channelKind === 'channel';
  const people = (): string[] => [ticket.creator.id, ...ticket.members.filter((id) => id !== ticket.creator.id)];
  const access = (ids: string[], level: TicketChannelAccess['access'], kind: TicketChannelAccess['kind'] = 'member') =>
    ids.map((id): TicketChannelAccess => ({ id, kind, access: level }));
  return {
    isChannel,
    /** Members: into the thread, or a member overwrite on the channel. */
    addMembers: (userIds: string[]) =>
      isChannel
        ? run.act.setTicketChannelAccess({
            channelId: spaceId,
            access: access(userIds, 'write'),
            reason: 'Added to the ticket',
          })
        : run.act.addThreadMembers({ threadId: spaceId, userIds }),
    /** The welcome's first step: a thread's staff are brought in; a channel let its staff roles in as it was made. */
    welcomeStaff: (staffRoleIds: string[]) =>
      isChannel
        ? Promise.resolve({ someRolesNotAdded: false })
        : run.act.addStaffToThread({ guildId: ticket.guildId, threadId: spaceId, staffRoleIds }),
    /** Out of the ticket: off the thread, or the channel's overwrite taken away. */
    removeMember: (userId: string) =>
      isChannel
        ? run.act.setTicketChannelAccess({
            channelId: spaceId,
            access: access([userId], 'none'),
            reason: 'Removed from the ticket',
          })
        : run.act.removeThreadMember({ threadId: spaceId, userId }),
    /**
     * A role's members: the notice's mention brings them into a thread; a channel lets the role in, then posts the
     * notice (its mention changes nothing there, so nobody is left out).
     */
    addRole: async (roleId: string, idempotencyKey: string, notice: Extract<TicketNotice, { kind: 'role_added' }>) => {
      if (!isChannel) return run.act.addRoleToThread({ threadId: spaceId, idempotencyKey, notice });
      await run.act.setTicketChannelAccess({
        channelId: spaceId,
        access: access([roleId], 'write', 'role'),
        reason: 'Role added to the ticket',
      });
      await run.act.postNotice({ channelId: spaceId, idempotencyKey, notice });
      return { someMembersNotAdded: false };
    },
    /** Members of staff roles: a mention brings them into a thread; a channel lets the roles in. */
    addStaffRoles: (staffRoleIds: string[]) =>
      isChannel
        ? run.act
            .setTicketChannelAccess({
              channelId: spaceId,
              access: access(staffRoleIds, 'write', 'role'),
              reason: 'Staff of the ticket',
            })
            .then(() => ({ someRolesNotAdded: false }))
        : run.act.addStaffToThread({ guildId: ticket.guildId, threadId: spaceId, staffRoleIds }),
    /** The close: a thread is locked and archived; a channel's people may read and not write. */
    lock: (reason: string) =>
      isChannel
        ? run.act.setTicketChannelAccess({ channelId: spaceId, access: access(people(), 'read'), reason })
        : run.act.lockThread({ threadId: spaceId, reason }),
    /** A reopened ticket: its people write again. */
    unlock: (reason: string) =>
      isChannel
        ? run.act.setTicketChannelAccess({ channelId: spaceId, access: access(people(), 'write'), reason })
        : run.act.unlockThread({ threadId: spaceId, reason }),
  };
}

/**
 * A final ticket's channel is deleted: its transcript and summary keep the conversation, and a closed ticket would
 * otherwise hold one of its category's 50 places for good. A thread stays, locked and archived, where it costs
 * nothing. Called when the ticket can no longer be reopened.
 */
export async function retireTicketSpace(run: TicketRun): Promise<void> {
  const { ticket } = run;
  const channelId = ticket.threadId;
  if (ticket.channelKind !== 'channel' || !channelId) return;
  const reason = `Ticket ${ticketLabel(ticket.number ?? 0)} closed; its transcript keeps the conversation`;
  await runStep(run, { target: 'thread', step: 'delete the closed ticket channel' }, () =>
    run.act.deleteTicketChannel({ channelId, reason }),
  );
}
