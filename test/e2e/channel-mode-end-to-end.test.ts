import { ApplicationCommandType, ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxInteraction } from '../../sandbox/discord/index.ts';
import { channelPermissions, hasPermission } from '../../sandbox/discord/permissions/compute.ts';
import { canSeeChannel } from '../../sandbox/discord/permissions/visibility.ts';
import { TICKET_BOT_CHANNEL_MODE_PERMISSIONS } from '../../sandbox/discord/seed.ts';
import { FileTranscriptStorage } from '../../transcripts/index.ts';
import { loadTranscript } from '../../transcripts/transcript-codec.ts';
import { settledReply } from '../support/settled-reply.ts';
import { eventually } from '../support/ticket-harness.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;
let firstCategory: string;
let secondCategory: string;

beforeAll(async () => {
  system = await startTicketflowSystem({ botPermissions: TICKET_BOT_CHANNEL_MODE_PERMISSIONS });
  const category = (name: string) =>
    system.discord.state.createGuildChannel(system.world.guild.id, { type: ChannelType.GuildCategory, name }).id;
  [firstCategory, secondCategory] = [category('Tickets'), category('Tickets 2')];
  // The bot registers /ticket in the guild once it is ready.
  await eventually(() => {
    if (!system.discord.state.commands.byName(system.world.guild.id, 'ticket', ApplicationCommandType.ChatInput))
      throw new Error('/ticket is not registered yet');
  });
  // The first category has room for one more channel; the second ticket must overflow.
  for (let index = 0; index < 49; index += 1) {
    system.discord.state.createGuildChannel(system.world.guild.id, {
      name: `archive-${index}`,
      parentId: firstCategory,
    });
  }
}, 180_000);

afterAll(async () => {
  await system?.close();
});

async function answer(pending: SandboxInteraction): Promise<string> {
  return (await settledReply(pending, 60_000)).content;
}

const canSend = (channelId: string, userId: string) =>
  hasPermission(channelPermissions(system.discord.state, channelId, userId), PermissionFlagsBits.SendMessages);

/** Opens a support ticket from the panel as this member; the channel's id, or the answer when none opened. */
async function openTicket(member: string, text: string): Promise<{ number: number; channelId: string } | string> {
  const driver = system.discord.driver.as(system.userId(member));
  const pressed = driver.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
  await pressed.waitForModal();
  const said = await answer(driver.submitModal(pressed, { q0: text }));
  const opened = /^Your ticket #(\d+) is open: <#(\d+)>$/.exec(said);
  return opened ? { number: Number(opened[1]), channelId: opened[2] ?? '' } : said;
}

describe('channel mode through Discord: the bot, the worker process, the dev server, Postgres', () => {
  let ticket: { number: number; channelId: string };

  it('is set up by the server owner: two ordered categories, and the support type in channel mode', async () => {
    const owner = system.discord.driver.as(system.world.owner.id);
    const config = (subcommand: string, options: Record<string, string>, group?: string) =>
      answer(owner.runSlashCommand(system.channelId('tickets'), 'ticket-config', { group, subcommand, options }));
    expect(await config('mode', { type: 'support', mode: 'channel' }, 'type')).toBe(
      'Tickets can open as channels only in a ticket category: add one with /ticket-config categories first. Nothing was changed.',
    );
    expect(await config('categories', {})).toBe(
      'Name a category to add or to remove. Ticket categories, in the order they fill: none yet',
    );
    await config('categories', { add: firstCategory });
    expect(await config('categories', { add: secondCategory })).toBe(
      `Ticket categories, in the order they fill (50 channels each): <#${firstCategory}>, <#${secondCategory}>`,
    );
    expect(await config('mode', { type: 'support', mode: 'channel' }, 'type')).toContain(
      'Tickets of "Support" now open as private channels',
    );
    expect(await config('categories', { remove: firstCategory })).toBe(
      `Ticket categories, in the order they fill (50 channels each): <#${secondCategory}>`,
    );
    await config('categories', { add: firstCategory });
    // Back in order: the first category first.
    await config('categories', { remove: secondCategory });
    await config('categories', { add: secondCategory });
    const saved = await system.db.prisma.guild.findUniqueOrThrow({ where: { id: system.world.guild.id } });
    expect(saved.ticketCategoryIds).toEqual([firstCategory, secondCategory]);
  });

  it('opens a ticket as a private channel in the first category with room, seen by its member and staff only', async () => {
    const opened = await openTicket('alice', 'My order never arrived.');
    if (typeof opened === 'string') throw new Error(`not opened: ${opened}`);
    ticket = opened;
    const channel = system.discord.state.channels.get(ticket.channelId);
    expect(channel).toMatchObject({ type: ChannelType.GuildText, parentId: firstCategory });
    expect(channel?.name).toMatch(/^0001-support-alice$/);
    const state = system.discord.state;
    expect(canSeeChannel(state, ticket.channelId, system.userId('alice'))).toBe(true);
    expect(canSeeChannel(state, ticket.channelId, system.userId('sam'))).toBe(true);
    expect(canSeeChannel(state, ticket.channelId, system.userId('bob'))).toBe(false);
    await eventually(() =>
      expect(JSON.stringify(state.messagesIn(ticket.channelId))).toContain('My order never arrived.'),
    );
  });

  it('stores what the member and staff say there, and staff add a member with an overwrite', async () => {
    const fromAlice = system.discord.driver.as(system.userId('alice')).sendMessage(ticket.channelId, 'Any news?');
    const sam = system.discord.driver.as(system.userId('sam'));
    const fromSam = sam.sendMessage(ticket.channelId, 'Checking with the courier.');
    const row = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.channelId } });
    await eventually(async () => {
      const stored = await system.db.prisma.ticketMessage.findMany({
        where: { guildId: row.guildId, ticketId: row.id },
      });
      expect(stored.map((message) => message.id).sort()).toEqual([fromAlice.id, fromSam.id].sort());
    });
    const added = sam.runSlashCommand(ticket.channelId, 'ticket', {
      subcommand: 'add-user',
      options: { member: system.userId('bob') },
    });
    expect(await answer(added)).toBe(`<@${system.userId('bob')}> was added to ticket #${ticket.number}.`);
    expect(canSeeChannel(system.discord.state, ticket.channelId, system.userId('bob'))).toBe(true);
    expect(canSend(ticket.channelId, system.userId('bob'))).toBe(true);
  });

  it('overflows into the next category once the first holds its 50 channels', async () => {
    const opened = await openTicket('bob', 'Another question.');
    if (typeof opened === 'string') throw new Error(`not opened: ${opened}`);
    expect(system.discord.state.channels.get(opened.channelId)?.parentId).toBe(secondCategory);
  });

  it('closes: locks the channel for its people and makes the transcript, keeping the channel while it may be reopened', async () => {
    const channelId = ticket.channelId;
    const alice = system.discord.driver.as(system.userId('alice'));
    const question = await alice
      .pressButton(channelId, system.controlMessage(channelId).id, `tclose:${ticket.number}`)
      .waitForReply();
    expect(question.content).toBe(
      `Close ticket #${ticket.number}? The channel will be locked, then deleted later. Its creator or staff can reopen it within 7 days.`,
    );
    const closing = alice.runSlashCommand(channelId, 'ticket', {
      subcommand: 'close',
      options: { reason: 'Parcel found' },
    });
    expect(await answer(closing)).toBe(`Ticket #${ticket.number} is closed.`);
    const row = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: channelId } });
    expect(row).toMatchObject({ status: 'closed', closeReason: 'Parcel found' });

    // The lock: read-only overwrites for alice and bob. The channel stays for the reopen window and the rating wait;
    // its deletion once the ticket is final is in test/workflows/ticket-channel-mode.test.ts.
    const log = system.discord.state.requestLog;
    const locks = log.filter(
      (entry) => entry.method === 'PUT' && entry.path.startsWith(`/channels/${channelId}/permissions/`),
    );
    expect(locks.map((entry) => entry.path.split('/').at(-1))).toEqual(
      expect.arrayContaining([system.userId('alice'), system.userId('bob')]),
    );
    expect(locks.every((entry) => entry.status === 204)).toBe(true);
    await eventually(() =>
      expect(JSON.stringify(system.discord.state.messagesIn(system.channelId('histories')))).toContain('Parcel found'),
    );
    expect(system.discord.state.channels.has(channelId)).toBe(true);
    expect(system.discord.state.messagesIn(channelId).at(-1)?.embeds[0]?.description).toMatch(
      /^This ticket was closed by <@\d+>\. The channel is now locked and will be deleted later; the transcript keeps the conversation\.\nThe ticket can be reopened until <t:\d+:f>\.$/,
    );
    expect(canSend(channelId, system.userId('alice'))).toBe(false);
    const transcript = await loadTranscript(new FileTranscriptStorage(system.transcriptsDir), row.transcriptKey ?? '');
    const messages = [];
    for await (const message of transcript.messages) messages.push(message);
    expect(JSON.stringify(messages)).toContain('Checking with the courier.');
  });

  it('refuses the next ticket, in the member’s words, when every category is full', async () => {
    for (let index = 0; index < 49; index += 1) {
      system.discord.state.createGuildChannel(system.world.guild.id, {
        name: `more-${index}`,
        parentId: secondCategory,
      });
    }
    // The closed ticket's channel was deleted: the first category has room for exactly one again.
    system.discord.state.createGuildChannel(system.world.guild.id, { name: 'last-place', parentId: firstCategory });
    const refused = await openTicket('alice', 'A third question.');
    expect(refused).toContain('Every ticket category of this server is full');
    expect(refused).toContain('/ticket-config categories');
  });
});
