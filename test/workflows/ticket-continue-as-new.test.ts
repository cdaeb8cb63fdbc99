import { describe, expect, it } from 'vitest';
import { TicketAssigneeId, TicketNumber, TicketStatus } from '../../workflows/search-attributes.ts';
import { assignTicket, replyReceived } from '../../workflows/ticket/definitions.ts';
import { eventually, noticesPosted, reply, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const HOUR = 3_600_000;

describe('continue-as-new', () => {
  it('carries state, search attributes and the inactivity deadline into the next run, losing no reply', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open(undefined, undefined, { continueAsNewAfterEvents: 60 });
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const firstRunId = (await handle.describe()).runId;
      await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: staffActor.id }] });
      const openedAt = (await state(workflowId)).openedAt;

      await suite.env().sleep(10 * HOUR);
      for (let i = 0; i < 80; i += 1) {
        await handle.signal(replyReceived, reply(`7000000000000${String(i).padStart(5, '0')}`, openedAt + 10 * HOUR));
      }
      await eventually(() => expect(fake.messages.size).toBe(80));
      const after = await eventually(async () => {
        const description = await handle.describe();
        expect(description.runId).not.toBe(firstRunId);
        return description;
      });
      expect(after.typedSearchAttributes.get(TicketAssigneeId)).toBe(staffActor.id);
      expect(after.typedSearchAttributes.get(TicketNumber)).toBe(1);
      expect(after.typedSearchAttributes.get(TicketStatus)).toBe('open');
      const view = await state(workflowId);
      expect(view).toMatchObject({ replyCount: 80, assigneeId: staffActor.id, number: 1, status: 'open' });
      expect(view.recentMessageIds).toHaveLength(80);

      // The idle window runs from the last reply, not from the new run's start.
      await suite.env().sleep(71 * HOUR);
      expect(fake.notice('inactivity_warning')).toHaveLength(0);
      await suite.env().sleep(2 * HOUR);
      await noticesPosted(fake, 'inactivity_warning', 1);
      expect(fake.notice('welcome')).toHaveLength(1);
      expect(fake.eventKinds().filter((k) => k === 'replied')).toHaveLength(80);
    }));
});
