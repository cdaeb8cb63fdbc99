import { patched } from '@temporalio/workflow';
import type { TicketRun } from './run.ts';
import { runStep } from './steps.ts';

/** Marks runs that route their ticket after the welcome; runs begun without it were never routed. */
export const TICKET_ROUTING_PATCH = 'ticket-routing';

/**
 * Assigns a new ticket of a routed type, once, right after its welcome (so the assignee finds the answers above the
 * ping). The choice is Postgres's (routeTicket, race-free across tickets and the same on every retry); the ticket
 * records it as an `assigned` event without an actor and tells the thread, pinging the assignee, or, when nobody is
 * available, the type's notification role. A ticket staff claimed already is left as it is.
 */
export async function routeNewTicket(run: TicketRun): Promise<void> {
  const { ticket } = run;
  const settings = ticket.settings;
  const mode = settings?.routing ?? 'off';
  if (!settings || mode === 'off' || ticket.assigneeId !== null || !patched(TICKET_ROUTING_PATCH)) return;
  const routed = await runStep(run, { target: 'database', step: 'route the ticket' }, () =>
    run.act.routeTicket({
      ...run.ref(),
      typeKey: ticket.type,
      mode,
      staffRoleIds: settings.staffRoleIds,
      at: Date.now(),
    }),
  );
  if (!routed.done) return;
  const { assigneeId } = routed.value;
  if (assigneeId !== null) {
    const key = run.nextKey('assigned');
    await runStep(run, { target: 'database', step: 'record the routed assignee' }, () =>
      run.act.recordTicketChange({
        ...run.ref(),
        event: { key, kind: 'assigned', actorId: null, at: Date.now(), data: { assigneeId, routing: mode } },
        patch: { assigneeId },
      }),
    );
    ticket.assigneeId = assigneeId;
    run.publish();
  }
  const threadId = ticket.threadId;
  if (!threadId) return;
  const idempotencyKey = run.nextKey('routed');
  await runStep(run, { target: 'thread', step: 'announce the routed assignee', onProblem: 'report' }, () =>
    run.act.postNotice({
      channelId: threadId,
      idempotencyKey,
      notice: {
        kind: 'routed',
        ticket: run.facts(),
        mode,
        assigneeId,
        fallbackRoleId: assigneeId === null ? settings.notificationRoleId : null,
        language: settings.language,
      },
    }),
  );
}
