import { describe, expect, it } from 'vitest';
import { CATEGORIES_FULL_NOTICE_EVERY_MS } from '../../domain/ticket-channel-mode.ts';
import { defaultTestSettings, type RecordingTicketActivities } from '../support/recording-ticket-activities.ts';
import { eventually } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();

const CATEGORIES = ['210000000000000001', '210000000000000002'];

/** A channel-mode type whose two categories hold their 50 channels each. */
function everyCategoryFull(fake: RecordingTicketActivities) {
  fake.settings = { ...defaultTestSettings, mode: 'channel', ticketCategoryIds: CATEGORIES };
  for (const id of CATEGORIES) fake.categoryFill.set(id, 50);
}

describe('staff told when every ticket category is full', () => {
  it('posts one notice per guild per period, however many tickets are refused meanwhile', () =>
    suite.withWorker(async ({ fake, open }) => {
      const refused = [await open(), await open(), await open()];
      for (const result of refused) expect(result).toMatchObject({ outcome: 'refused', code: 'categories_full' });
      await eventually(() => expect(fake.notice('categories_full')).toHaveLength(1));
      const notices = fake.notice('categories_full');
      expect(notices[0]).toMatchObject({
        channelId: defaultTestSettings.historiesChannelId,
        idempotencyKey: `${refused[0]?.workflowId}:categories_full`,
        notice: { kind: 'categories_full', categoryCount: 2 },
      });
      // Each refused ticket asked (after answering its member); only the first claimed the notice.
      await eventually(() => expect(fake.calls.filter((call) => call.name === 'claimStaffNotice')).toHaveLength(3));
      expect(fake.notice('categories_full')).toHaveLength(1);

      await suite.env().sleep(CATEGORIES_FULL_NOTICE_EVERY_MS + 60_000);
      const later = await open();
      expect(later).toMatchObject({ outcome: 'refused', code: 'categories_full' });
      await eventually(() => expect(fake.notice('categories_full')).toHaveLength(2));
      expect(fake.notice('categories_full')[1]?.idempotencyKey).toBe(`${later.workflowId}:categories_full`);
    }, everyCategoryFull));

  it('refuses the ticket all the same when the notice cannot be claimed or posted', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        expect(await open()).toMatchObject({ outcome: 'refused', code: 'categories_full' });
        await eventually(() => expect(fake.calls.filter((call) => call.name === 'claimStaffNotice')).toHaveLength(1));
        expect(fake.notice('categories_full')).toHaveLength(0);
      },
      (fake) => {
        everyCategoryFull(fake);
        fake.failing.set('claimStaffNotice', 'DatabaseUnavailable');
      },
    ));

  it('tells nobody when the guild has neither a histories nor a reminders channel', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        expect(await open()).toMatchObject({ outcome: 'refused', code: 'categories_full' });
        expect(fake.calls.filter((call) => call.name === 'claimStaffNotice')).toHaveLength(0);
      },
      (fake) => {
        everyCategoryFull(fake);
        fake.settings = { ...fake.settings, historiesChannelId: null, remindersChannelId: null };
      },
    ));
});
