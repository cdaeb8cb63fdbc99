import { describe, expect, it } from 'vitest';
import { TicketLabels, TicketPriority, TicketType } from '../../workflows/search-attributes.ts';
import { getTicketState, type OpenTicketResult } from '../../workflows/ticket/definitions.ts';
import { changeLabels, moveTicket, renameTicket, setPriority } from '../../workflows/ticket/metadata-definitions.ts';
import { creatorActor, eventually, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';
import { refusalOf } from '../support/update-refusal.ts';

const suite = timeSkippingSuite();

function opened(result: OpenTicketResult & { workflowId: string }) {
  if (result.outcome !== 'opened') throw new Error(`the ticket did not open: ${result.outcome}`);
  return result;
}
const billingType = {
  typeName: 'Billing',
  openingMessage: 'Tell us about the invoice.',
  questions: ['Invoice number?', 'What is wrong with it?'],
  staffRoleIds: ['300000000000000001', '300000000000000009'],
};

describe('priority', () => {
  it('starts normal, changes by staff with an event, a notice, the row, the summary and the search attribute', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await eventually(() => expect(fake.notice('welcome')).toHaveLength(1));
      expect(fake.notice('welcome')[0]?.notice).toMatchObject({ priority: 'normal', labels: [] });
      expect((await handle.describe()).typedSearchAttributes.get(TicketPriority)).toBe(1);

      const view = await handle.executeUpdate(setPriority, { args: [{ actor: staffActor, priority: 'urgent' }] });
      expect(view.priority).toBe('urgent');
      expect((await handle.describe()).typedSearchAttributes.get(TicketPriority)).toBe(3);
      expect(fake.rows.get('ticket-1')?.priority).toBe('urgent');
      const event = [...fake.events.values()].find((e) => e.kind === 'priority_changed');
      expect(event).toMatchObject({ actorId: staffActor.id, data: { priority: 'urgent', previous: 'normal' } });
      expect(fake.notice('priority_changed')[0]?.notice).toMatchObject({ priority: 'urgent' });
      expect(fake.welcomeEdits.at(-1)?.notice).toMatchObject({ priority: 'urgent', kind: 'welcome' });

      // The same priority again changes nothing and tells nobody.
      await handle.executeUpdate(setPriority, { args: [{ actor: staffActor, priority: 'urgent' }] });
      expect(fake.eventKinds().filter((kind) => kind === 'priority_changed')).toHaveLength(1);
      expect(fake.notice('priority_changed')).toHaveLength(1);
    }));

  it('refuses members who are not staff and unknown priorities, changing nothing', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      expect(
        await refusalOf(handle.executeUpdate(setPriority, { args: [{ actor: creatorActor, priority: 'high' }] })),
      ).toEqual({ type: 'Forbidden', message: 'Only staff can set the priority of tickets.' });
      expect(
        (
          await refusalOf(
            handle.executeUpdate(setPriority, { args: [{ actor: staffActor, priority: 'critical' as never }] }),
          )
        ).type,
      ).toBe('InvalidRequest');
      expect((await handle.query(getTicketState)).priority).toBe('normal');
      expect(fake.eventKinds()).not.toContain('priority_changed');
    }));
});

describe('labels', () => {
  it("adds and removes labels from the guild's list, in the list's order and spelling", () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = suite.env().client.workflow.getHandle(workflowId);
        await eventually(() => expect(fake.notice('welcome')).toHaveLength(1));

        const added = await handle.executeUpdate(changeLabels, {
          args: [{ actor: staffActor, add: ['refund', 'BILLING'], remove: [] }],
        });
        expect(added.labels).toEqual(['billing', 'refund']);
        expect((await handle.describe()).typedSearchAttributes.get(TicketLabels)).toEqual(['billing', 'refund']);
        expect(fake.rows.get('ticket-1')?.labels).toEqual(['billing', 'refund']);
        expect(fake.notice('labels_changed')[0]?.notice).toMatchObject({ added: ['billing', 'refund'], removed: [] });

        const removed = await handle.executeUpdate(changeLabels, {
          args: [{ actor: staffActor, add: [], remove: ['billing', 'refund'] }],
        });
        expect(removed.labels).toEqual([]);
        // No labels: the attribute is removed, so `TicketLabels = "billing"` no longer finds the ticket.
        expect((await handle.describe()).typedSearchAttributes.get(TicketLabels)).toBeUndefined();
        expect(fake.eventKinds().filter((kind) => kind === 'labels_changed')).toHaveLength(2);
        expect(fake.welcomeEdits.at(-1)?.notice.labels).toEqual([]);
      },
      (fake) => {
        fake.guildLabels = ['billing', 'bug', 'refund'];
      },
    ));

  it("refuses a label that is not on the guild's list, and non-staff, changing nothing", () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = suite.env().client.workflow.getHandle(workflowId);
        const unknown = await refusalOf(
          handle.executeUpdate(changeLabels, { args: [{ actor: staffActor, add: ['bug', 'vip'], remove: [] }] }),
        );
        expect(unknown).toEqual({
          type: 'UnknownLabel',
          message: `"vip" is not one of this server's labels (billing, bug). Nothing was changed.`,
        });
        expect(
          (
            await refusalOf(
              handle.executeUpdate(changeLabels, { args: [{ actor: creatorActor, add: ['bug'], remove: [] }] }),
            )
          ).type,
        ).toBe('Forbidden');
        expect(
          (await refusalOf(handle.executeUpdate(changeLabels, { args: [{ actor: staffActor, add: [], remove: [] }] })))
            .type,
        ).toBe('InvalidRequest');
        const state = await handle.query(getTicketState);
        expect(state.labels).toEqual([]);
        expect(fake.eventKinds()).not.toContain('labels_changed');
        expect(fake.notice('labels_changed')).toHaveLength(0);
      },
      (fake) => {
        fake.guildLabels = ['billing', 'bug'];
      },
    ));
});

describe('rename', () => {
  it('renames the thread keeping its number, and refuses a name past 100 characters with nothing changed', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId, threadId } = opened(await open());
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const renamed = await handle.executeUpdate(renameTicket, {
        args: [{ actor: staffActor, name: '  Refund   for order 1234 ' }],
      });
      expect(renamed.threadName).toBe('0001-Refund for order 1234');
      expect(fake.threadNames.get(threadId)).toBe('0001-Refund for order 1234');
      expect([...fake.events.values()].find((e) => e.kind === 'renamed')?.data).toEqual({
        name: '0001-Refund for order 1234',
      });
      expect(fake.notice('renamed')[0]?.notice).toMatchObject({ name: '0001-Refund for order 1234' });

      const tooLong = await refusalOf(
        handle.executeUpdate(renameTicket, { args: [{ actor: staffActor, name: 'x'.repeat(96) }] }),
      );
      expect(tooLong.type).toBe('NameTooLong');
      expect(tooLong.message).toContain('at most 95 characters');
      // 95 characters fit exactly: the prefix `0001-` makes 100.
      await handle.executeUpdate(renameTicket, { args: [{ actor: staffActor, name: 'y'.repeat(95) }] });
      expect(fake.threadNames.get(threadId)).toHaveLength(100);
      expect(
        (await refusalOf(handle.executeUpdate(renameTicket, { args: [{ actor: creatorActor, name: 'mine' }] }))).type,
      ).toBe('Forbidden');
      expect(fake.eventKinds().filter((kind) => kind === 'renamed')).toHaveLength(2);
    }));

  it("refuses a rename past Discord's rate limit, saying when to try again, and records nothing", () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId, threadId } = opened(await open());
      const handle = suite.env().client.workflow.getHandle(workflowId);
      fake.renameRateLimitMs = 7 * 60_000 + 5_000;
      const refusal = await refusalOf(
        handle.executeUpdate(renameTicket, { args: [{ actor: staffActor, name: 'Too soon' }] }),
      );
      expect(refusal.type).toBe('RenameRateLimited');
      expect(refusal.message).toContain('try again in 8 minute(s)');
      // Refused at once: one attempt, not retried inside the update.
      expect(fake.calls.filter((call) => call.name === 'renameThread')).toHaveLength(1);
      expect(fake.threadNames.has(threadId)).toBe(false);
      expect(fake.eventKinds()).not.toContain('renamed');
      expect((await handle.query(getTicketState)).threadName).toBeUndefined();
    }));
});

describe('move', () => {
  it('moves to another type: new staff in the thread, the questions shown, type attribute, row and event', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const { workflowId, threadId } = opened(await open());
        const handle = suite.env().client.workflow.getHandle(workflowId);
        await eventually(() => expect(fake.notice('welcome')).toHaveLength(1));
        const moved = await handle.executeUpdate(moveTicket, { args: [{ actor: staffActor, typeKey: 'billing' }] });
        expect(moved.type).toBe('billing');
        expect(moved.settings).toMatchObject(billingType);
        expect((await handle.describe()).typedSearchAttributes.get(TicketType)).toBe('billing');
        expect(fake.rows.get('ticket-1')).toMatchObject({ typeKey: 'billing', typeName: 'Billing' });
        const staffAdded = fake.calls.filter((call) => call.name === 'addStaffToThread').at(-1)?.input;
        expect(staffAdded).toMatchObject({ threadId, staffRoleIds: ['300000000000000009'] });
        expect([...fake.events.values()].find((e) => e.kind === 'moved')?.data).toMatchObject({
          from: 'support',
          to: 'billing',
        });
        expect(fake.notice('moved')[0]?.notice).toMatchObject({
          fromTypeName: 'Support',
          questions: billingType.questions,
          ticket: { typeName: 'Billing' },
        });
        expect(fake.welcomeEdits.at(-1)?.notice).toMatchObject({
          ticket: { typeName: 'Billing' },
          questions: billingType.questions,
        });
      },
      (fake) => {
        fake.otherTypes.set('billing', billingType);
      },
    ));

  it('refuses an unknown type, the same type and non-staff, changing nothing', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      expect(
        await refusalOf(handle.executeUpdate(moveTicket, { args: [{ actor: staffActor, typeKey: 'nowhere' }] })),
      ).toEqual({ type: 'UnknownType', message: 'This server has no ticket type "nowhere". Nothing was changed.' });
      expect(
        (await refusalOf(handle.executeUpdate(moveTicket, { args: [{ actor: staffActor, typeKey: 'support' }] }))).type,
      ).toBe('SameType');
      expect(
        (await refusalOf(handle.executeUpdate(moveTicket, { args: [{ actor: creatorActor, typeKey: 'billing' }] })))
          .type,
      ).toBe('Forbidden');
      expect((await handle.describe()).typedSearchAttributes.get(TicketType)).toBe('support');
      expect(fake.eventKinds()).not.toContain('moved');
      expect(fake.notice('moved')).toHaveLength(0);
    }));
});
