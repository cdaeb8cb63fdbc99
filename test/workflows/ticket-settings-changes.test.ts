import { describe, expect, it } from 'vitest';
import { announceGuildSettingsChanged } from '../../temporal/guild-settings-client.ts';
import { closeTicket, settingsChanged } from '../../workflows/ticket/definitions.ts';
import { defaultTestSettings } from '../support/recording-ticket-activities.ts';
import { eventually, noticesPosted, staffActor, supportRequest } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('guild settings changed while tickets are open', () => {
  it('moves the inactivity deadline at once when the timeout shrinks and speaks the new language, keeping what belongs to the opening', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      await suite.env().sleep(5 * HOUR);

      fake.settings = {
        ...fake.settings,
        inactivityTimeoutMs: 10 * HOUR,
        inactivityGraceMs: 2 * HOUR,
        language: 'fr',
        ticketChannelId: '200000000000000099',
        notificationRoleId: '300000000000000099',
        typeName: 'Renamed',
      };
      await handle.signal(settingsChanged);
      await eventually(async () => expect((await state(workflowId)).settings?.inactivityTimeoutMs).toBe(10 * HOUR));
      expect((await state(workflowId)).settings).toMatchObject({
        language: 'fr',
        ticketChannelId: defaultTestSettings.ticketChannelId,
        notificationRoleId: defaultTestSettings.notificationRoleId,
        typeName: defaultTestSettings.typeName,
      });

      await suite.env().sleep(6 * HOUR);
      await noticesPosted(fake, 'inactivity_warning', 1);
      await suite.env().sleep(3 * HOUR);
      expect(await handle.result()).toMatchObject({ outcome: 'closed', closure: { reason: 'inactivity' } });
    }));

  it('posts the summary in the histories channel chosen after it opened, and reminds where reminders go now', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);

      fake.settings = {
        ...fake.settings,
        historiesChannelId: '200000000000000012',
        remindersChannelId: '200000000000000013',
        reminderIntervalMs: 2 * DAY,
        inactivityTimeoutMs: 30 * DAY,
      };
      await handle.signal(settingsChanged);
      await suite.env().sleep(2 * DAY + HOUR);
      const [reminder] = await noticesPosted(fake, 'reminder', 1);
      expect(reminder?.channelId).toBe('200000000000000013');

      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
      expect(fake.notice('summary')[0]?.channelId).toBe('200000000000000012');
    }));

  it('brings the members of a staff role added later into the thread, and only them', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      const newRole = '300000000000000077';
      fake.settings = { ...fake.settings, staffRoleIds: [...fake.settings.staffRoleIds, newRole] };
      await handle.signal(settingsChanged);
      await eventually(() => {
        const adds = fake.calls.filter((call) => call.name === 'addStaffToThread');
        expect(adds.map((call) => (call.input as { staffRoleIds: string[] }).staffRoleIds)).toEqual([
          defaultTestSettings.staffRoleIds,
          [newRole],
        ]);
      });
    }));

  it("tells every open ticket of the guild through one fan-out, and none of another guild's", () =>
    suite.withWorker(async ({ fake, open, state, taskQueue }) => {
      const first = await open();
      const second = await open(supportRequest({ type: 'billing' }));
      const elsewhere = await open(supportRequest({ guildId: '100000000000000002' }));
      await noticesPosted(fake, 'welcome', 3);
      fake.settings = { ...fake.settings, inactivityTimeoutMs: 5 * HOUR };

      await announceGuildSettingsChanged(suite.env().client, { guildId: '100000000000000001', taskQueue });
      for (const { workflowId } of [first, second]) {
        await eventually(async () => expect((await state(workflowId)).settings?.inactivityTimeoutMs).toBe(5 * HOUR));
      }
      expect((await state(elsewhere.workflowId)).settings?.inactivityTimeoutMs).toBe(72 * HOUR);
    }));
});
