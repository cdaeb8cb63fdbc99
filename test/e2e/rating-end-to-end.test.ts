import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../../domain/ticket-naming.ts';
import { isThread } from '../../sandbox/discord/state/records.ts';
import {
  closeByStaff,
  commandsRegistered,
  customIdsOf,
  messageIn,
  openTicketFromPanel,
  privateAnswer,
  type SystemTicket,
  ticketEventsOf,
  ticketRowOf,
  workflowStateOf,
} from '../support/system-tickets.ts';
import { eventually } from '../support/ticket-harness.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

const PUBLIC_URL = 'http://panel.ticketflow.test';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem({ publicUrl: PUBLIC_URL });
  await commandsRegistered(system, ['ticket']);
}, 180_000);

afterAll(async () => {
  await system?.close();
});

const as = (name: string) => system.discord.driver.as(system.userId(name));
const mention = (name: string) => `<@${system.userId(name)}>`;
const starIds = (number: number) => [1, 2, 3, 4, 5].map((stars) => `trate:${system.world.guild.id}:${number}:${stars}`);
const openTicket = (member: string, text: string) => openTicketFromPanel(system, member, text);
const closeAsStaff = (ticket: SystemTicket, reason: string) => closeByStaff(system, ticket, reason);
const ticketRow = (threadId: string) => ticketRowOf(system, threadId);
const ratedEvents = async (threadId: string) =>
  (await ticketEventsOf(system, threadId)).filter((event) => event.kind === 'rated');
const workflowState = (threadId: string) => workflowStateOf(system, threadId);

/** The ticket's summary in #histories, posted at its close. */
function summaryOf(number: number): APIMessage {
  const label = `#${formatTicketNumber(number)}`;
  const summary = system.discord.state
    .messagesIn(system.channelId('histories'))
    .find((message) => message.embeds[0]?.title?.includes(label));
  if (!summary) throw new Error(`no summary of ${label} in #histories`);
  return summary;
}
const ratingFieldOf = (number: number) =>
  summaryOf(number).embeds[0]?.fields?.find((field) => field.name === 'Rating')?.value;

/** A star button pressed, the comment modal it opens checked and sent; the bot's private answer. */
async function rate(
  member: string,
  where: { channelId: string; messageId: string },
  number: number,
  stars: number,
  comment: string,
): Promise<string> {
  const pressed = as(member).pressButton(where.channelId, where.messageId, starIds(number)[stars - 1] ?? '');
  const modal = await pressed.waitForModal();
  expect(modal.title).toBe(`Rate ticket #${number}: ${stars} of 5`);
  expect(JSON.stringify(modal.components)).toContain('"required":false');
  return (await privateAnswer(as(member).submitModal(pressed, { comment }))).content;
}

describe('satisfaction ratings through Discord: the bot, the worker, the dev server, Postgres', () => {
  let ticket: SystemTicket;
  let dm: APIMessage;

  it('after a close, direct-messages the creator once: why it closed, the transcript link and 1–5 stars', async () => {
    ticket = await openTicket('alice', 'My refund has not arrived.');
    await closeAsStaff(ticket, 'Refund issued');
    dm = await eventually(() => {
      const [only, ...more] = as('alice').directMessages();
      if (!only) throw new Error('no direct message yet');
      expect(more).toEqual([]);
      return only;
    });
    const [embed] = dm.embeds;
    expect(embed?.title).toBe(`Your ticket #${ticket.number} (Support) was closed`);
    expect(embed?.description).toContain(`It was closed by ${mention('sam')}.`);
    expect(embed?.description).toContain('Rate the ticket from 1 to 5 stars');
    expect(embed?.fields?.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'Reason', value: 'Refund issued' },
      {
        name: 'Transcript',
        value: `[Read the whole conversation](${PUBLIC_URL}/transcripts/${system.world.guild.id}/${ticket.number})`,
      },
    ]);
    expect(customIdsOf(dm)).toEqual(starIds(ticket.number));
    // Nothing is asked in the thread when the DM arrived.
    expect(system.discord.state.messagesIn(ticket.threadId).flatMap(customIdsOf)).not.toContain(
      `tratep:${ticket.number}`,
    );
    await eventually(() => expect(ratingFieldOf(ticket.number)).toBeUndefined());
  });

  it('stores the stars and comment given from the DM and adds them to the histories summary', async () => {
    const thanks = await rate(
      'alice',
      { channelId: dm.channel_id, messageId: dm.id },
      ticket.number,
      4,
      'Quick and kind.',
    );
    expect(thanks).toBe(`Thank you! You rated ticket #${ticket.number} 4 of 5.`);
    expect(await ticketRow(ticket.threadId)).toMatchObject({ rating: 4, ratingComment: 'Quick and kind.' });
    const events = await ratedEvents(ticket.threadId);
    expect(events.map((event) => [event.actorId, event.data])).toEqual([
      [system.userId('alice'), { stars: 4, comment: 'Quick and kind.' }],
    ]);
    expect((await workflowState(ticket.threadId)).rating).toMatchObject({ stars: 4, comment: 'Quick and kind.' });
    await eventually(() => expect(ratingFieldOf(ticket.number)).toBe('⭐⭐⭐⭐ 4 of 5\n> Quick and kind.'));
    // One summary, edited in place.
    expect(
      system.discord.state
        .messagesIn(system.channelId('histories'))
        .filter((message) => message.embeds[0]?.title?.includes(`#${formatTicketNumber(ticket.number)}`)),
    ).toHaveLength(1);
  });

  it('refuses a second rating of the same close, privately, and keeps the first', async () => {
    const again = await rate(
      'alice',
      { channelId: dm.channel_id, messageId: dm.id },
      ticket.number,
      1,
      'Changed my mind.',
    );
    expect(again).toBe(`You already rated ticket #${ticket.number}. Thank you!`);
    expect(await ticketRow(ticket.threadId)).toMatchObject({ rating: 4, ratingComment: 'Quick and kind.' });
    expect(await ratedEvents(ticket.threadId)).toHaveLength(1);
    expect((await workflowState(ticket.threadId)).rating).toMatchObject({ stars: 4 });
    expect(ratingFieldOf(ticket.number)).toBe('⭐⭐⭐⭐ 4 of 5\n> Quick and kind.');
    expect(as('alice').directMessages()).toHaveLength(1);
  });

  describe('a creator whose DMs are closed', () => {
    let closedDms: SystemTicket;
    let prompt: APIMessage;

    it('is asked in the thread instead, with a Rate button, and gets no DM', async () => {
      as('bob').setAllowsDirectMessages(false);
      closedDms = await openTicket('bob', 'I cannot log in.');
      await closeAsStaff(closedDms, 'Password reset');
      prompt = await messageIn(system, closedDms.threadId, 'rating prompt', (message) =>
        customIdsOf(message).includes(`tratep:${closedDms.number}`),
      );
      expect(prompt.content).toBe(mention('bob'));
      expect(prompt.mentions.map((user) => user.id)).toEqual([system.userId('bob')]);
      expect(prompt.embeds[0]?.title).toBe(`How did we do with ticket #${closedDms.number}?`);
      expect(as('bob').directMessages()).toEqual([]);
      // The prompt was posted into the closed thread, which is archived again and still locked.
      await eventually(() => {
        const thread = system.discord.state.channels.get(closedDms.threadId);
        if (!thread || !isThread(thread)) throw new Error('no ticket thread');
        expect(thread.thread).toMatchObject({ archived: true, locked: true });
      });
      // The ticket is still closed, its summary without a rating.
      expect(await ticketRow(closedDms.threadId)).toMatchObject({ status: 'closed', rating: null });
      await eventually(() => expect(summaryOf(closedDms.number)).toBeDefined());
    });

    it('refuses anyone but the creator, privately, and changes nothing', async () => {
      const bySam = as('sam').pressButton(closedDms.threadId, prompt.id, `tratep:${closedDms.number}`);
      const refused = await privateAnswer(bySam);
      expect(refused.content).toBe(`Only the member who opened ticket #${closedDms.number} can rate it.`);
      expect(customIdsOf(refused)).toEqual([]);
      expect(await ratedEvents(closedDms.threadId)).toEqual([]);
      expect(await ticketRow(closedDms.threadId)).toMatchObject({ rating: null });
      expect((await workflowState(closedDms.threadId)).rating).toBeUndefined();
    });

    it('lets the creator rate from a private answer to Rate, stored and summarised as from a DM', async () => {
      const pressed = as('bob').pressButton(closedDms.threadId, prompt.id, `tratep:${closedDms.number}`);
      const stars = await privateAnswer(pressed);
      expect(stars.content).toBe(`How many stars do you give ticket #${closedDms.number}?`);
      expect(customIdsOf(stars)).toEqual(starIds(closedDms.number));
      // Another member cannot press the private answer's buttons: only bob sees it.
      expect(() => as('sam').pressButton(closedDms.threadId, stars.id, starIds(closedDms.number)[0] ?? '')).toThrow(
        /ephemeral/,
      );

      const thanks = await rate('bob', { channelId: closedDms.threadId, messageId: stars.id }, closedDms.number, 5, '');
      expect(thanks).toBe(`Thank you! You rated ticket #${closedDms.number} 5 of 5.`);
      expect(await ticketRow(closedDms.threadId)).toMatchObject({ rating: 5, ratingComment: null });
      expect((await ratedEvents(closedDms.threadId)).map((event) => event.data)).toEqual([{ stars: 5, comment: null }]);
      await eventually(() => expect(ratingFieldOf(closedDms.number)).toBe('⭐⭐⭐⭐⭐ 5 of 5'));
      expect(system.discord.specViolations).toEqual([]);
    });
  });

  it('speaks to a creator whose Discord is in German in German: the DM, the comment form and the thanks', async () => {
    // A member who has opened nothing yet, so no cooldown holds the open up.
    const jonas = system.discord.state.createUser({ username: 'jonas' });
    system.discord.state.addMember(system.world.guild.id, jonas.id);
    system.world.users.set('jonas', jonas);
    as('jonas').setLocale('de');
    const german = await openTicket('jonas', 'Meine Rechnung fehlt.');
    await closeAsStaff(german, 'Rechnung verschickt');
    const [dm] = await eventually(() => {
      const messages = as('jonas').directMessages();
      expect(messages).toHaveLength(1);
      return messages;
    });
    expect(dm?.embeds[0]?.title).toBe(`Dein Ticket #${german.number} (Support) wurde geschlossen`);
    expect(dm?.embeds[0]?.description).toContain(`Es wurde von ${mention('sam')} geschlossen.`);
    expect(dm?.embeds[0]?.fields?.[0]).toMatchObject({ name: 'Grund', value: 'Rechnung verschickt' });

    const pressed = as('jonas').pressButton(dm?.channel_id ?? '', dm?.id ?? '', starIds(german.number)[4] ?? '');
    expect((await pressed.waitForModal()).title).toBe(`Ticket #${german.number} bewerten: 5 von 5`);
    expect((await privateAnswer(as('jonas').submitModal(pressed, { comment: 'Super!' }))).content).toBe(
      `Danke! Du hast Ticket #${german.number} mit 5 von 5 bewertet.`,
    );
    expect(await ticketRow(german.threadId)).toMatchObject({ rating: 5, ratingComment: 'Super!' });
  });
});
