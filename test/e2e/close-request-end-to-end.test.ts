import { type APIMessage, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxInteraction } from '../../sandbox/discord/index.ts';
import { isThread } from '../../sandbox/discord/state/records.ts';
import { settledReply } from '../support/settled-reply.ts';
import { eventually } from '../support/ticket-harness.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem();
}, 180_000);

afterAll(async () => {
  await system?.close();
});

async function answer(pending: SandboxInteraction): Promise<string> {
  return (await settledReply(pending, 60_000)).content;
}

const customIdsOf = (message: APIMessage) =>
  (message.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.map((button) => ('custom_id' in button ? button.custom_id : ''))
      : [],
  );

describe('close requests and the timer’s reason, through Discord: the bot, the worker, the dev server, Postgres', () => {
  let threadId: string;
  let number: number;
  const as = (name: string) => system.discord.driver.as(system.userId(name));
  const row = () => system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } });
  const eventsOf = async () => {
    const ticket = await row();
    const events = await system.db.prisma.ticketEvent.findMany({
      where: { guildId: ticket.guildId, ticketId: ticket.id },
      orderBy: { id: 'asc' },
    });
    return events;
  };

  it('opens a ticket from the panel', async () => {
    const pressed = as('alice').pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    await pressed.waitForModal();
    const opened = /^Your ticket #(\d+) is open: <#(\d+)>$/.exec(
      await answer(as('alice').submitModal(pressed, { q0: 'My parcel is late.' })),
    );
    number = Number(opened?.[1]);
    threadId = opened?.[2] ?? '';
    await eventually(() => expect(customIdsOf(system.controlMessage(threadId))).toContain(`tcrq:${number}`));
  });

  it('refuses members who are not staff privately, in their words, and changes nothing', async () => {
    const byCreator = as('alice').runSlashCommand(threadId, 'ticket', { subcommand: 'close-request' });
    expect(await answer(byCreator)).toBe('Only staff can ask the member to close a ticket.');
    const byStranger = as('bob').runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'close-request',
      options: { ticket: number, reason: 'Done' },
    });
    expect(await answer(byStranger)).toBe('Only staff can ask the member to close a ticket.');
    const controls = system.controlMessage(threadId);
    expect(await answer(as('alice').pressButton(threadId, controls.id, `tcrq:${number}`))).toBe(
      'Only staff can ask the member to close a ticket.',
    );
    expect((await eventsOf()).map((event) => event.kind)).toEqual(['opened']);
    expect(
      system.discord.state.messagesIn(threadId).some((m) => customIdsOf(m).some((id) => id.startsWith('tcracc'))),
    ).toBe(false);
  });

  it('turns the timer off with the reason staff give in the modal, and shows it', async () => {
    const controls = system.controlMessage(threadId);
    const refused = as('alice').pressButton(threadId, controls.id, `tdisable:${number}`);
    expect(await answer(refused)).toBe('Only staff can turn the inactivity timer off.');

    const pressed = as('sam').pressButton(threadId, controls.id, `tdisable:${number}`);
    const form = await pressed.waitForModal();
    expect(JSON.stringify(form)).toContain('"required":true');
    expect(await answer(as('sam').submitModal(pressed, { reason: 'Waiting for the courier' }))).toBe(
      `The inactivity timer of ticket #${number} is off. Reason: Waiting for the courier`,
    );
    expect(await row()).toMatchObject({ timerState: 'disabled' });
    const disabled = (await eventsOf()).find((event) => event.kind === 'timer_disabled');
    expect(disabled?.data).toEqual({ reason: 'Waiting for the courier' });
    await eventually(() => {
      const notice = system.discord.state
        .messagesIn(threadId)
        .find((message) => message.embeds[0]?.fields?.some((field) => field.value === 'Waiting for the courier'));
      expect(notice?.embeds[0]?.fields).toEqual([
        expect.objectContaining({ name: 'Why the timer is off', value: 'Waiting for the courier' }),
      ]);
      // The controls follow: the timer is off, so Turn timer off is no longer offered.
      const offered = (system.discord.state.message(threadId, controls.id)?.components ?? []).flatMap((r) =>
        r.type === ComponentType.ActionRow ? r.components : [],
      );
      expect(
        offered.find((button) => 'custom_id' in button && button.custom_id === `tdisable:${number}`)?.disabled,
      ).toBe(true);
    });
  });

  it('refuses a request nobody could answer: the member who opened the ticket left its thread', async () => {
    const thread = system.discord.state.channels.get(threadId);
    if (!thread || !isThread(thread)) throw new Error('no ticket thread');
    const alice = system.userId('alice');
    system.discord.state.removeThreadMember(thread, alice, alice);
    const asked = as('sam').runSlashCommand(threadId, 'ticket', { subcommand: 'close-request' });
    expect(await answer(asked)).toBe(
      `The member who opened ticket #${number} is no longer in its thread, so nobody can answer a close request. Nothing was changed; close the ticket yourself instead.`,
    );
    expect((await eventsOf()).map((event) => event.kind)).not.toContain('close_requested');
    system.discord.state.addThreadMember(thread, alice, alice);
  });

  it('asks the member with /ticket close-request; only they may keep it open; their Accept closes it', async () => {
    const asked = as('sam').runSlashCommand(threadId, 'ticket', {
      subcommand: 'close-request',
      options: { reason: 'Parcel delivered', after: 6 },
    });
    expect(await answer(asked)).toMatch(
      new RegExp(
        `^Ticket #${number}: <@${system.userId('alice')}> was asked to confirm the close\\. Without an answer it closes <t:\\d+:R>\\.$`,
      ),
    );
    const request = await eventually(() => {
      const found = system.discord.state
        .messagesIn(threadId)
        .find((message) => customIdsOf(message).some((id) => id.startsWith('tcracc:')));
      if (!found) throw new Error('no close request in the thread yet');
      return found;
    });
    expect(request.mentions.map((user) => user.id)).toEqual([system.userId('alice')]);
    const [acceptId, keepOpenId] = customIdsOf(request);
    expect(acceptId).toMatch(new RegExp(`^tcracc:${number}:\\d+$`));

    const second = as('sam').runSlashCommand(threadId, 'ticket', { subcommand: 'close-request' });
    expect(await answer(second)).toBe(
      "A close request is already waiting for the member's answer; it closes the ticket by itself unless they answer. Nothing was changed.",
    );
    expect(await answer(as('sam').pressButton(threadId, request.id, keepOpenId ?? ''))).toBe(
      'Only the member who opened this ticket can keep it open.',
    );
    expect((await eventsOf()).filter((event) => event.kind.startsWith('close_request_'))).toEqual([]);

    expect(await answer(as('alice').pressButton(threadId, request.id, acceptId ?? ''))).toBe(
      `You accepted: ticket #${number} is closing now.`,
    );
    await eventually(async () =>
      expect(await row()).toMatchObject({
        status: 'closed',
        closeReason: 'Parcel delivered',
        closedById: system.userId('alice'),
      }),
    );
    const kinds = (await eventsOf()).map((event) => event.kind);
    expect(kinds.slice(-3)).toEqual(['close_requested', 'close_request_accepted', 'closed']);
    await eventually(() => {
      const edited = system.discord.state.message(threadId, request.id);
      expect(edited?.components ?? []).toEqual([]);
      expect(edited?.embeds[0]?.description).toBe(
        `<@${system.userId('alice')}> accepted the close request: the ticket closes now.`,
      );
    });
    expect(system.discord.specViolations).toEqual([]);
  });
});
