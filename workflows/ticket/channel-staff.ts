import { patched } from '@temporalio/workflow';
import type { TicketRun } from './run.ts';
import { runStep, type StepOutcome } from './steps.ts';

/**
 * Marks runs in which a ticket channel's overwrites follow the guild's staff roles both ways: a removed staff role's
 * overwrite is taken away, where earlier runs only let new roles in and left removed ones with access.
 */
export const CHANNEL_STAFF_FOLLOW_PATCH = 'channel-staff-follow';

/**
 * A channel-mode ticket whose guild changed its staff roles: one activity makes the channel's staff overwrites the
 * current roles. Null when this is not for the run to do here (a thread, nothing changed, or a run from before the
 * patch), and the caller brings new roles in as before. Asked only then, so other histories carry no marker.
 */
export async function followChannelStaff(
  run: TicketRun,
  channelId: string,
  heldRoleIds: readonly string[],
  currentRoleIds: string[],
): Promise<StepOutcome<{ changed: number }> | null> {
  if (run.ticket.channelKind !== 'channel') return null;
  const removedRoleIds = heldRoleIds.filter((roleId) => !currentRoleIds.includes(roleId));
  const addedRoleIds = currentRoleIds.filter((roleId) => !heldRoleIds.includes(roleId));
  if (removedRoleIds.length === 0 && addedRoleIds.length === 0) return null;
  if (!patched(CHANNEL_STAFF_FOLLOW_PATCH)) return null;
  return runStep(
    run,
    { target: 'thread', step: "give the ticket channel the server's staff roles", onProblem: 'report' },
    () =>
      run.act.followTicketChannelStaff({
        channelId,
        staffRoleIds: currentRoleIds,
        removedRoleIds,
        reason: "The server's staff roles changed",
      }),
  );
}
