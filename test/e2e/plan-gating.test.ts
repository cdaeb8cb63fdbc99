import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantManualEntitlement } from '../../store/entitlements/manual-entitlements.ts';
import { RETENTION_SCHEDULE_ID } from '../../workflows/retention/definitions.ts';
import { registerOthersTickets } from '../database/ticket-fixtures.ts';
import { settledReply } from '../support/settled-reply.ts';
import { SUPPORT_QUESTION, startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

const PUBLIC_URL = 'http://panel.ticketflow.test';
const OPERATOR = '300000000000000001';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem({ publicUrl: PUBLIC_URL });
}, 180_000);

afterAll(async () => {
  await system?.close();
});

/** alice opens a Support ticket from the panel, answering its question, and reads the bot's final answer. */
async function aliceOpens(): Promise<{ content: string; ephemeral: boolean }> {
  const alice = system.discord.driver.as(system.userId('alice'));
  const pressed = alice.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
  const form = await pressed.waitForModal();
  expect(JSON.stringify(form)).toContain(SUPPORT_QUESTION);
  const reply = await settledReply(alice.submitModal(pressed, { q0: 'The bot ignores me.' }), 60_000);
  return { content: reply.content, ephemeral: ((reply.flags ?? 0) & MessageFlags.Ephemeral) !== 0 };
}

describe('a free guild at its monthly ticket limit, through Discord', () => {
  it('refuses the 51st ticket of the month privately, with the limit, the plan and the billing page', async () => {
    const guildId = system.world.guild.id;
    await registerOthersTickets(system.db.prisma, guildId, 50);

    const refused = await aliceOpens();

    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('This server has opened 50 tickets this month, the limit of its free plan');
    expect(refused.content).toContain(`A server admin can upgrade the plan at ${PUBLIC_URL}/guilds/${guildId}/billing`);
    expect(await system.db.prisma.ticket.count({ where: { guildId } })).toBe(50);
    expect(await system.db.prisma.ticket.count({ where: { guildId, creatorId: system.userId('alice') } })).toBe(0);
  });

  it('opens the next ticket at once after the guild is granted pro', async () => {
    await grantManualEntitlement(system.db.prisma, {
      holder: { kind: 'guild', guildId: system.world.guild.id },
      plan: 'pro',
      endsAt: null,
      reason: 'upgrade in the gating test',
      operatorId: OPERATOR,
    });

    const opened = await aliceOpens();

    expect(opened.ephemeral).toBe(true);
    expect(opened.content).toMatch(/^Your ticket #51 is open: <#\d+>$/);
  });
});

describe('the retention Schedule', () => {
  const schedules = async () => {
    const ids: string[] = [];
    for await (const schedule of system.temporal.client.schedule.list()) ids.push(schedule.scheduleId);
    return ids;
  };

  it('exists once the worker has started, daily, starting the retention workflow on the worker’s queue', async () => {
    const description = await system.temporal.client.schedule.getHandle(RETENTION_SCHEDULE_ID).describe();
    expect(description.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'retentionWorkflow',
      taskQueue: system.taskQueue,
    });
    expect(description.spec.calendars).toEqual([
      expect.objectContaining({ hour: [{ start: 3, end: 3, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] }),
    ]);
    expect(description.state.paused).toBe(false);
  });

  it('is not duplicated by a restart of the worker, and keeps an operator’s pause', async () => {
    const handle = system.temporal.client.schedule.getHandle(RETENTION_SCHEDULE_ID);
    await handle.pause('paused by an operator');
    await system.worker.stop();
    await system.worker.start();

    await expect.poll(schedules, { timeout: 10_000 }).toEqual([RETENTION_SCHEDULE_ID]);
    const description = await handle.describe();
    expect(description.state.paused).toBe(true);
    expect(description.action).toMatchObject({ workflowType: 'retentionWorkflow', taskQueue: system.taskQueue });
  });
});
