import { type APIMessage, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { SandboxInteraction } from '../../sandbox/discord/index.ts';
import { getTicketState, type TicketView } from '../../workflows/ticket/definitions.ts';
import { settledReply } from './settled-reply.ts';
import { eventually } from './ticket-harness.ts';
import type { TicketflowSystem } from './ticketflow-system.ts';

/**
 * What end-to-end tests of tickets do through the whole system (ticketflow-system.ts) as members do it: open a
 * ticket from the panel, read the bot's private answers and a message's buttons, and look at what the ticket is in
 * its workflow and in Postgres.
 */

export interface SystemTicket {
  number: number;
  threadId: string;
}

/** The bot registers its commands once it has read the guild's configuration; members use them after that. */
export async function commandsRegistered(system: TicketflowSystem, names: string[]): Promise<void> {
  await eventually(() => {
    for (const name of names)
      expect(system.discord.state.commands.byName(system.world.guild.id, name, 1), `/${name}`).toBeDefined();
  });
}

/** The bot's final answer, once any interim word is edited; it must be shown only to the member who acted. */
export async function privateAnswer(pending: SandboxInteraction): Promise<APIMessage> {
  const reply = await settledReply(pending, 60_000);
  expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  return reply;
}

export const customIdsOf = (message: APIMessage): string[] =>
  (message.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.map((component) => ('custom_id' in component ? component.custom_id : ''))
      : [],
  );

/** A support ticket opened from the panel, in any language; resolves once staff (sam) are in its thread and can act in it. */
export async function openTicketFromPanel(
  system: TicketflowSystem,
  member: string,
  text: string,
): Promise<SystemTicket> {
  const as = system.discord.driver.as(system.userId(member));
  const pressed = as.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
  await pressed.waitForModal();
  const said = (await privateAnswer(as.submitModal(pressed, { q0: text }))).content;
  // "Your ticket #3 is open: <#…>", in the member's language: the number, then the thread's mention.
  const opened = /#(\d+)\b[^<]*<#(\d+)>$/.exec(said);
  if (!opened) throw new Error(`the ticket did not open: ${said}`);
  const threadId = opened[2] ?? '';
  await eventually(() =>
    expect(system.discord.state.threadMembers(threadId).map((member) => member.userId)).toContain(system.userId('sam')),
  );
  return { number: Number(opened[1]), threadId };
}

/** Staff (sam) close the ticket with `/ticket close` in its thread, and are told it is closed. */
export async function closeByStaff(system: TicketflowSystem, ticket: SystemTicket, reason: string): Promise<void> {
  const closed = system.discord.driver
    .as(system.userId('sam'))
    .runSlashCommand(ticket.threadId, 'ticket', { subcommand: 'close', options: { reason } });
  expect((await privateAnswer(closed)).content).toBe(`Ticket #${ticket.number} is closed.`);
}

/** The first message in the channel that `matches`, waited for; `what` names it when it never comes. */
export function messageIn(
  system: TicketflowSystem,
  channelId: string,
  what: string,
  matches: (message: APIMessage) => boolean,
): Promise<APIMessage> {
  return eventually(() => {
    const found = system.discord.state.messagesIn(channelId).find(matches);
    if (!found) throw new Error(`no ${what} in ${channelId} yet`);
    return found;
  });
}

export const ticketRowOf = (system: TicketflowSystem, threadId: string) =>
  system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } });

/** The ticket's events in Postgres, oldest first. */
export async function ticketEventsOf(system: TicketflowSystem, threadId: string) {
  const row = await ticketRowOf(system, threadId);
  return system.db.prisma.ticketEvent.findMany({
    where: { guildId: row.guildId, ticketId: row.id },
    orderBy: { id: 'asc' },
  });
}

/** What the ticket's own workflow says it is, by its query. */
export async function workflowStateOf(system: TicketflowSystem, threadId: string): Promise<TicketView> {
  const { workflowId } = await ticketRowOf(system, threadId);
  return system.temporal.client.workflow.getHandle(workflowId).query(getTicketState);
}
