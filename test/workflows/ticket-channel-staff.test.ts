import { describe, expect, it } from 'vitest';
import { getTicketState, settingsChanged } from '../../workflows/ticket/definitions.ts';
import { defaultTestSettings, type RecordingTicketActivities } from '../support/recording-ticket-activities.ts';
import { creator, eventually } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();

const CATEGORY = '210000000000000001';
const OLD_STAFF_ROLE = defaultTestSettings.staffRoleIds[0] as string;
const NEW_STAFF_ROLE = '220000000000000009';

const called = (fake: RecordingTicketActivities, name: string) => fake.calls.filter((call) => call.name === name);

describe("an open ticket following the guild's staff roles", () => {
  it('in channel mode, lets the new staff role in and takes the removed one out, in one activity', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const result = await open();
        if (result.outcome !== 'opened') throw new Error('not opened');
        const handle = suite.env().client.workflow.getHandle(result.workflowId);
        fake.settings = { ...fake.settings, staffRoleIds: [NEW_STAFF_ROLE] };
        await handle.signal(settingsChanged);
        await eventually(async () =>
          expect((await handle.query(getTicketState)).settings?.staffRoleIds).toEqual([NEW_STAFF_ROLE]),
        );
        expect(Object.fromEntries(fake.ticketChannels.get('ticket-1')?.access ?? [])).toEqual({
          [creator.id]: 'write',
          [NEW_STAFF_ROLE]: 'write',
        });
        expect(called(fake, 'followTicketChannelStaff').map((call) => call.input)).toEqual([
          {
            channelId: result.threadId,
            staffRoleIds: [NEW_STAFF_ROLE],
            removedRoleIds: [OLD_STAFF_ROLE],
            reason: "The server's staff roles changed",
          },
        ]);
        expect(called(fake, 'setTicketChannelAccess')).toHaveLength(0);

        // The same settings again change nothing: no activity at all.
        await handle.signal(settingsChanged);
        await eventually(async () => expect((await handle.query(getTicketState)).settingsStale).toBe(false));
        expect(called(fake, 'followTicketChannelStaff')).toHaveLength(1);
      },
      (fake) => {
        fake.settings = { ...defaultTestSettings, mode: 'channel', ticketCategoryIds: [CATEGORY] };
      },
    ));

  it('in thread mode, brings the new staff role into the thread as before, with no channel overwrites', () =>
    suite.withWorker(async ({ fake, open }) => {
      const result = await open();
      if (result.outcome !== 'opened') throw new Error('not opened');
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      await eventually(() => expect(called(fake, 'addStaffToThread')).toHaveLength(1));
      fake.settings = { ...fake.settings, staffRoleIds: [NEW_STAFF_ROLE] };
      await handle.signal(settingsChanged);
      await eventually(() => expect(called(fake, 'addStaffToThread')).toHaveLength(2));
      expect(called(fake, 'addStaffToThread')[1]?.input).toMatchObject({ staffRoleIds: [NEW_STAFF_ROLE] });
      expect(called(fake, 'followTicketChannelStaff')).toHaveLength(0);
    }));
});
