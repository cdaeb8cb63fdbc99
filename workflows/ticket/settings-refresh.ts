import type { FollowedSettings, TicketSettings } from '../../domain/ticket.ts';
import { ticketSpace } from './channel-mode.ts';
import { followChannelStaff } from './channel-staff.ts';
import type { TicketView } from './definitions.ts';
import type { TicketRun } from './run.ts';
import { followSupportHours } from './sla.ts';
import { runStep, type StepOutcome } from './steps.ts';

/**
 * Reads the guild's current settings and applies what an open ticket should follow (see `followSettings`).
 * Members of staff roles added since the ticket opened are brought into its thread; a ticket channel's staff
 * overwrites become the guild's staff roles, removed ones taken out (channel-staff.ts). Until that succeeds
 * the ticket keeps its settings marked stale, so the loop tries again.
 */
export async function refreshSettings(run: TicketRun): Promise<StepOutcome<void>> {
  const { ticket } = run;
  const loaded = await runStep(run, { target: 'database', step: 'read the guild settings', onProblem: 'report' }, () =>
    run.act.loadFollowedSettings({ guildId: ticket.guildId }),
  );
  if (!loaded.done) return loaded;
  const current = loaded.value;
  const held = ticket.settings;
  if (!current || !held) {
    ticket.settingsStale = false;
    return { done: true, value: undefined };
  }
  const addedRoles = current.staffRoleIds.filter((roleId) => !held.staffRoleIds.includes(roleId));
  const threadId = ticket.threadId;
  const followed = threadId ? await followChannelStaff(run, threadId, held.staffRoleIds, current.staffRoleIds) : null;
  if (followed) {
    if (!followed.done && followed.why === 'held_up') {
      followSettings(ticket, { ...current, staffRoleIds: held.staffRoleIds }, Date.now());
      run.publish();
      return followed;
    }
  } else if (addedRoles.length > 0 && threadId) {
    const added = await runStep(
      run,
      { target: 'thread', step: 'bring new staff roles into the thread', onProblem: 'report' },
      () => ticketSpace(run, threadId).addStaffRoles(addedRoles),
    );
    if (!added.done && added.why === 'held_up') {
      // Everything else applies now; the new roles count once their members are in the thread.
      followSettings(ticket, { ...current, staffRoleIds: held.staffRoleIds }, Date.now());
      run.publish();
      return added;
    }
  }
  followSettings(ticket, current, Date.now());
  ticket.settingsStale = false;
  run.publish();
  return { done: true, value: undefined };
}

/**
 * What an open ticket takes from changed guild settings. It follows: staff roles (who may act, who is brought
 * into the thread), the histories channel (where its summary goes), the reminders channel and interval, and the
 * inactivity timeout and grace (its deadlines move at once), the language its notices speak, the reopen window and the
 * closing message. It keeps what belongs to its opening: its thread's
 * channel, its type's name, message and questions, and the notification role pinged when it opened.
 */
export function followSettings(ticket: TicketView, current: FollowedSettings, now: number): void {
  const held = ticket.settings;
  if (!held) return;
  ticket.settings = {
    ...held,
    staffRoleIds: current.staffRoleIds,
    historiesChannelId: current.historiesChannelId,
    remindersChannelId: current.remindersChannelId,
    inactivityTimeoutMs: current.inactivityTimeoutMs,
    inactivityGraceMs: current.inactivityGraceMs,
    reminderIntervalMs: current.reminderIntervalMs,
    // Settings read before guilds had a language carry none: the ticket keeps what it has.
    ...(current.language === undefined ? {} : { language: current.language }),
    // Absent when read by workers from before these settings: the ticket keeps what it has.
    ...(current.reopenWindowMs === undefined ? {} : { reopenWindowMs: current.reopenWindowMs }),
    ...(current.closingDmEnabled === undefined ? {} : { closingDmEnabled: current.closingDmEnabled }),
  };
  ticket.nextReminderAt = nextReminder(ticket, held, current, now);
  followSupportHours(ticket, current.supportHours, now);
}

/**
 * Reminders keep their rhythm from the last one (or the opening). Turned on, the first comes one interval after
 * the opening, or now if that is past; a shorter interval whose moment has passed reminds now, once.
 */
function nextReminder(ticket: TicketView, held: TicketSettings, current: FollowedSettings, now: number): number | null {
  if (!current.remindersChannelId) return null;
  if (ticket.nextReminderAt === null || !held.remindersChannelId) {
    return Math.max(ticket.openedAt + current.reminderIntervalMs, now);
  }
  if (held.reminderIntervalMs === current.reminderIntervalMs) return ticket.nextReminderAt;
  const lastReminder = ticket.nextReminderAt - held.reminderIntervalMs;
  return Math.max(lastReminder + current.reminderIntervalMs, now);
}
