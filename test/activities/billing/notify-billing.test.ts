import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyBilling } from '../../../activities/billing/notify-billing.ts';
import { createDiscordRest } from '../../../activities/discord/index.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../../sandbox/discord/index.ts';
import { seedTicketGuild } from '../../discord/discord-fixture.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

/** The guild owner's direct message is sent once per key; one Discord cannot deliver leaves the panel's notice. */
describe('notifyBilling', () => {
  let sandbox: DiscordSandbox;
  let database: TestDatabase;
  let guildId: string;
  let ownerId: string;
  let notify: ReturnType<typeof notifyBilling>;
  const environment = new MockActivityEnvironment();

  beforeAll(async () => {
    [sandbox, database] = await Promise.all([createDiscordSandbox(), createTestDatabase()]);
    const seeded = seedTicketGuild(sandbox);
    guildId = seeded.guild.id;
    ownerId = seeded.owner.id;
    const rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
    notify = notifyBilling({ prisma: database.prisma, rest, settings: { publicUrl: 'https://panel.example' } });
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.cleanup();
  });

  it("records the notice on the guild's billing page once per key, however often it is retried", async () => {
    const at = Date.UTC(2026, 10, 3, 12);
    const key = 'subscription:stripe:sub_notify:payment_failed:1793707200000';
    const notice = {
      key,
      kind: 'payment_failed' as const,
      holder: { kind: 'guild' as const, guildId },
      plan: 'pro' as const,
      at,
    };
    await environment.run(notify, notice);
    await environment.run(notify, notice);

    const rows = await database.prisma.billingNotice.findMany({ where: { guildId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: `${key}:${guildId}`, kind: 'payment_failed', plan: 'pro', dismissedAt: null });
    expect(rows[0]?.at.getTime()).toBe(at);
    const messages = sandbox.driver.as(ownerId).directMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]?.author.id).toBe(sandbox.bot.userId);
  });

  it('records the notice when the owner takes no direct messages, and sends them none', async () => {
    const owner = sandbox.driver.as(ownerId);
    const before = owner.directMessages().length;
    owner.setAllowsDirectMessages(false);
    try {
      const key = 'subscription:stripe:sub_closed_dms:payment_failed:1';
      const holder = { kind: 'guild' as const, guildId };
      await environment.run(notify, { key, kind: 'payment_failed' as const, holder, plan: 'pro' as const, at: 3 });
      expect(await database.prisma.billingNotice.count({ where: { key: `${key}:${guildId}` } })).toBe(1);
      expect(owner.directMessages()).toHaveLength(before);
    } finally {
      owner.setAllowsDirectMessages(true);
    }
  });

  it('records each notice of a subscription apart: a grace warning after the failure is a second notice', async () => {
    const holder = { kind: 'guild' as const, guildId };
    await environment.run(notify, {
      key: 'subscription:stripe:sub_two:payment_failed:1',
      kind: 'payment_failed' as const,
      holder,
      plan: 'enterprise' as const,
      at: 1,
    });
    await environment.run(notify, {
      key: 'subscription:stripe:sub_two:grace_ending:1',
      kind: 'grace_ending' as const,
      holder,
      plan: 'enterprise' as const,
      at: 2,
    });
    const kinds = await database.prisma.billingNotice.findMany({
      where: { key: { startsWith: 'subscription:stripe:sub_two:' } },
      orderBy: { at: 'asc' },
    });
    expect(kinds.map((row) => row.kind)).toEqual(['payment_failed', 'grace_ending']);
  });
});
