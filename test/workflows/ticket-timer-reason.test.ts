import { describe, expect, it } from 'vitest';
import { disableTimer, resumeTimer } from '../../workflows/ticket/definitions.ts';
import { TIMER_DISABLE_REASON_MAX } from '../../workflows/ticket/timer-reason.ts';
import { noticesPosted, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';
import { refusalOf } from '../support/update-refusal.ts';

const suite = timeSkippingSuite();

describe('turning the inactivity timer off with a reason', () => {
  it('keeps the reason with the event, the ticket and the notice, and forgets it when the timer runs again', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      const off = await handle.executeUpdate(disableTimer, {
        args: [{ actor: staffActor, reason: '  Waiting for the courier  ' }],
      });
      expect(off).toMatchObject({ timer: 'disabled', timerDisabledReason: 'Waiting for the courier' });
      const disabled = [...fake.events.values()].find((e) => e.kind === 'timer_disabled');
      expect(disabled).toMatchObject({ actorId: staffActor.id, data: { reason: 'Waiting for the courier' } });
      const [notice] = await noticesPosted(fake, 'timer_changed', 1);
      expect(notice?.notice).toMatchObject({ timer: 'disabled', reason: 'Waiting for the courier' });

      const running = await handle.executeUpdate(resumeTimer, { args: [{ actor: staffActor }] });
      expect(running.timer).toBe('running');
      expect(running.timerDisabledReason).toBeUndefined();
    }));

  it('refuses an empty or overlong reason, changing nothing', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      for (const reason of ['   ', 'x'.repeat(TIMER_DISABLE_REASON_MAX + 1)]) {
        expect(
          (await refusalOf(handle.executeUpdate(disableTimer, { args: [{ actor: staffActor, reason }] }))).type,
        ).toBe('InvalidRequest');
      }
      expect(await state(workflowId)).toMatchObject({ timer: 'running' });
      expect(fake.eventKinds()).toEqual(['opened']);
    }));
});
