import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ChannelType } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_ID_PREFIX, customId } from '../../../domain/custom-ids.ts';
import { permissiveGuildDirectory } from '../../support/guild-directory.ts';
import { type CommandWorld, startCommandWorld } from './command-world.ts';

/**
 * Every way of acting on a ticket whose row says closed is answered from that row: who closed it, when and why,
 * and that nothing changed. The world's Temporal answers nowhere, so an answer that asked the workflow would be
 * the "not answering" one instead, seconds later.
 */
let world: CommandWorld;
let threadId: string;
let controlsId: string;
const closedAt = new Date('2026-11-20T10:30:00Z');
const NUMBER = 7;

beforeAll(async () => {
  world = await startCommandWorld();
  // Saved directly: a save through /ticket-config would also tell open tickets through Temporal, which is nowhere.
  await world.context.guildConfigs.saveGuildConfig(world.guildId, permissiveGuildDirectory, {
    ticketChannelId: world.channel('tickets').id,
    staffRoleIds: [world.role('Staff').id],
    ticketTypes: [{ key: 'support', name: 'Support' }],
  });
  // The ticket's private thread with its controls, as the worker leaves it: alice opened it, sam is staff.
  const tickets = await world.bot.channels.fetch(world.channel('tickets').id);
  if (tickets?.type !== ChannelType.GuildText) throw new Error('#tickets is not a text channel');
  const thread = await tickets.threads.create({ name: '0007-support-alice', type: ChannelType.PrivateThread });
  for (const name of ['alice', 'sam', 'bob']) await thread.members.add(world.user(name).id);
  const button = (prefix: (typeof CUSTOM_ID_PREFIX)[keyof typeof CUSTOM_ID_PREFIX], label: string) =>
    new ButtonBuilder()
      .setCustomId(customId(prefix, String(NUMBER)))
      .setLabel(label)
      .setStyle(ButtonStyle.Secondary);
  const controls = await thread.send({
    content: 'Ticket controls',
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        button(CUSTOM_ID_PREFIX.close, 'Close'),
        button(CUSTOM_ID_PREFIX.claim, 'Claim'),
        button(CUSTOM_ID_PREFIX.pauseTimer, 'Pause timer'),
        button(CUSTOM_ID_PREFIX.resumeTimer, 'Resume timer'),
      ),
      // The close question's buttons, left on screen from before the ticket closed.
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        button(CUSTOM_ID_PREFIX.closeConfirm, 'Confirm'),
        button(CUSTOM_ID_PREFIX.closeWithReason, 'Close with reason'),
      ),
    ],
  });
  threadId = thread.id;
  controlsId = controls.id;
  const alice = world.user('alice');
  await world.database.prisma.ticket.create({
    data: {
      guildId: world.guildId,
      number: NUMBER,
      workflowId: `ticket:${world.guildId}:closed-seven`,
      typeKey: 'support',
      typeName: 'Support',
      creatorId: alice.id,
      creatorName: alice.username,
      threadId,
      status: 'closed',
      answers: [],
      settings: {},
      openedAt: new Date('2026-11-19T09:00:00Z'),
      lastActivityAt: closedAt,
      closedAt,
      closedById: alice.id,
      closeReason: 'Solved, thanks',
    },
  });
});

afterAll(async () => {
  await world?.stop();
});

const when = `<t:${closedAt.getTime() / 1000}:f>`;
const alreadyClosed = () =>
  `Ticket #${NUMBER} was already closed by <@${world.user('alice').id}> on ${when} (reason: "Solved, thanks"). Nothing was changed.`;
const closedNoChange = () =>
  `Ticket #${NUMBER} was closed by <@${world.user('alice').id}> on ${when} (reason: "Solved, thanks"), so nothing was changed.`;

function press(username: string, prefix: string) {
  return world.sandbox.driver.as(world.user(username).id).pressButton(threadId, controlsId, `${prefix}:${NUMBER}`);
}

describe('a closed ticket answered from its record', () => {
  it('answers the Close button with who closed it instead of the confirm question', async () => {
    const reply = await press('alice', CUSTOM_ID_PREFIX.close).waitForReply();
    expect(reply.content).toBe(alreadyClosed());
    expect(reply.components ?? []).toEqual([]);
  });

  it('answers Confirm and Close with reason from the row, without a form', async () => {
    expect((await press('alice', CUSTOM_ID_PREFIX.closeConfirm).waitForReply()).content).toBe(alreadyClosed());
    const withReason = press('alice', CUSTOM_ID_PREFIX.closeWithReason);
    expect((await withReason.waitForAck()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((await withReason.waitForReply()).content).toBe(alreadyClosed());
  });

  it('answers staff buttons from the row', async () => {
    for (const prefix of [CUSTOM_ID_PREFIX.claim, CUSTOM_ID_PREFIX.pauseTimer, CUSTOM_ID_PREFIX.resumeTimer]) {
      expect((await press('sam', prefix).waitForReply()).content).toBe(closedNoChange());
    }
  });

  it('answers every ticket command from the row, in the thread or by number', async () => {
    const sam = world.user('sam').id;
    expect((await world.ticket('alice', { subcommand: 'close', options: { reason: 'again' } }, threadId)).text).toBe(
      alreadyClosed(),
    );
    expect((await world.ticket('sam', { subcommand: 'close', options: { ticket: NUMBER } })).text).toBe(
      alreadyClosed(),
    );
    const staffCommands: { subcommand: string; options: Record<string, string | number> }[] = [
      { subcommand: 'assign', options: { ticket: NUMBER, member: sam } },
      { subcommand: 'unassign', options: { ticket: NUMBER } },
      { subcommand: 'add-user', options: { ticket: NUMBER, member: world.user('bob').id } },
      { subcommand: 'pause', options: { ticket: NUMBER } },
      { subcommand: 'resume', options: { ticket: NUMBER } },
      { subcommand: 'timer-off', options: { ticket: NUMBER } },
    ];
    for (const input of staffCommands) {
      expect((await world.ticket('sam', input)).text).toBe(closedNoChange());
    }
  });

  it('still refuses first whoever may not act, telling them nothing of the ticket', async () => {
    expect((await world.ticket('bob', { subcommand: 'close', options: { ticket: NUMBER } })).text).toBe(
      'Only the member who opened this ticket or staff can close it.',
    );
    expect((await press('bob', CUSTOM_ID_PREFIX.claim).waitForReply()).content).toBe('Only staff can assign tickets.');
  });

  it('answers a reason form submitted after the ticket closed from the row', async () => {
    const where = { guildId_number: { guildId: world.guildId, number: NUMBER } };
    await world.database.prisma.ticket.update({ where, data: { status: 'open' } });
    const alice = world.sandbox.driver.as(world.user('alice').id);
    const form = alice.pressButton(threadId, controlsId, `${CUSTOM_ID_PREFIX.closeWithReason}:${NUMBER}`);
    await form.waitForModal();
    await world.database.prisma.ticket.update({ where, data: { status: 'closed' } });
    const submitted = alice.submitModal(form, { reason: 'Too late' });
    expect((await submitted.waitForReply()).content).toBe(alreadyClosed());
  });
});
