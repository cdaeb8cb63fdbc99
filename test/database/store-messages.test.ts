import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabaseActivities,
  type DatabaseActivities,
} from '../../activities/database/create-database-activities.ts';
import { DatabaseFailureType } from '../../activities/database/failures.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { expectNonRetryable, guildFootprint, message, newSnowflake, openRegisteredTicket } from './ticket-fixtures.ts';

let database: TestDatabase;
let activities: DatabaseActivities;
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  activities = createDatabaseActivities(database.prisma, { plans: DEFAULT_PLANS, publicUrl: undefined });
});

afterAll(async () => {
  await database?.cleanup();
});

const openTicket = () => openRegisteredTicket(database.prisma, activities, T0);

describe('storeMessages', () => {
  it('stores a batch, a replied event per message, and the newest activity by a person', async () => {
    const { guildId, ticketId } = await openTicket();
    const attachment = {
      id: newSnowflake(),
      filename: 'log.txt',
      size: 120,
      contentType: 'text/plain',
      url: 'https://cdn.discordapp.com/attachments/1/2/log.txt',
    };
    const batch = [
      message({ createdAt: T0 + 1_000, content: 'first', attachments: [attachment] }),
      message({ createdAt: T0 + 2_000, content: 'second' }),
      message({ createdAt: T0 + 3_000, content: 'bot notice', authorIsBot: true }),
    ];
    await activities.storeMessages({ guildId, ticketId, messages: batch });

    const { tickets, messages, events } = await guildFootprint(database.prisma, guildId);
    expect(messages).toHaveLength(3);
    const first = messages.find((row) => row.id === batch[0]?.id);
    expect(first).toMatchObject({
      guildId,
      ticketId,
      authorId: batch[0]?.authorId,
      authorName: 'member',
      authorIsBot: false,
      content: 'first',
      attachments: [attachment],
      createdAt: new Date(T0 + 1_000),
      editedAt: null,
    });
    expect(
      events.filter((event) => event.kind === 'replied').map((event) => [event.key, event.actorId, event.at]),
    ).toEqual(batch.map((sent) => [`replied:${sent.id}`, sent.authorId, new Date(sent.createdAt)]));
    expect(tickets[0]?.lastActivityAt).toEqual(new Date(T0 + 2_000));
  });

  it('writes nothing twice when a batch is retried, and keeps the newest version of an edited message', async () => {
    const { guildId, ticketId } = await openTicket();
    const original = message({ createdAt: T0 + 1_000, content: 'helo' });
    const edited = { ...original, content: 'hello', editedAt: T0 + 5_000 };
    const other = message({ createdAt: T0 + 2_000 });

    await activities.storeMessages({ guildId, ticketId, messages: [original, other] });
    await activities.storeMessages({ guildId, ticketId, messages: [edited] });
    const once = await guildFootprint(database.prisma, guildId);
    // a late retry of the first batch must neither duplicate rows nor undo the edit
    await activities.storeMessages({ guildId, ticketId, messages: [original, other] });
    await activities.storeMessages({ guildId, ticketId, messages: [edited] });
    expect(await guildFootprint(database.prisma, guildId)).toEqual(once);

    const stored = once.messages.find((row) => row.id === original.id);
    expect(stored).toMatchObject({ content: 'hello', editedAt: new Date(T0 + 5_000) });
    expect(once.events.filter((event) => event.kind === 'replied')).toHaveLength(2);
  });

  it('keeps one row per message when a batch carries a message and its edit', async () => {
    const { guildId, ticketId } = await openTicket();
    const original = message({ createdAt: T0 + 1_000, content: 'v1' });
    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [{ ...original, content: 'v2', editedAt: T0 + 2_000 }, original],
    });
    const { messages } = await guildFootprint(database.prisma, guildId);
    expect(messages).toMatchObject([{ id: original.id, content: 'v2' }]);
  });

  it('stores a batch of 500 messages in one call', async () => {
    const { guildId, ticketId } = await openTicket();
    const batch = Array.from({ length: 500 }, (_, index) => message({ createdAt: T0 + index * 10 }));
    await activities.storeMessages({ guildId, ticketId, messages: batch });
    const { messages, events, tickets } = await guildFootprint(database.prisma, guildId);
    expect(messages).toHaveLength(500);
    expect(events.filter((event) => event.kind === 'replied')).toHaveLength(500);
    expect(tickets[0]?.lastActivityAt).toEqual(new Date(T0 + 499 * 10));
  });

  it("refuses another guild's ticket and touches neither guild", async () => {
    const a = await openTicket();
    const b = await openTicket();
    const beforeA = await guildFootprint(database.prisma, a.guildId);
    const beforeB = await guildFootprint(database.prisma, b.guildId);
    await expectNonRetryable(
      activities.storeMessages({
        guildId: b.guildId,
        ticketId: a.ticketId,
        messages: [message({ createdAt: T0 + 1 })],
      }),
      DatabaseFailureType.ticketNotFound,
      `ticket ${a.ticketId} does not exist in guild ${b.guildId}`,
    );
    expect(await guildFootprint(database.prisma, a.guildId)).toEqual(beforeA);
    expect(await guildFootprint(database.prisma, b.guildId)).toEqual(beforeB);
  });

  it('refuses a message already stored for another ticket, and writes none of the batch', async () => {
    const a = await openTicket();
    const b = await openTicket();
    const shared = message({ createdAt: T0 + 1 });
    await activities.storeMessages({ ...a, messages: [shared] });
    const beforeA = await guildFootprint(database.prisma, a.guildId);
    const beforeB = await guildFootprint(database.prisma, b.guildId);
    await expectNonRetryable(
      activities.storeMessages({
        ...b,
        messages: [message({ createdAt: T0 + 2 }), { ...shared, content: 'hijacked' }],
      }),
      DatabaseFailureType.messageOfAnotherTicket,
      shared.id,
    );
    expect(await guildFootprint(database.prisma, a.guildId)).toEqual(beforeA);
    expect(await guildFootprint(database.prisma, b.guildId)).toEqual(beforeB);
  });

  it('stores an edit of a message never seen as that message, and a person editing is activity', async () => {
    const { guildId, ticketId } = await openTicket();
    const missed = {
      ...message({ createdAt: T0 + 1_000, content: 'edited while the bot was down' }),
      editedAt: T0 + 9_000,
    };
    await activities.storeMessages({ guildId, ticketId, messages: [missed] });
    const { tickets, messages, events } = await guildFootprint(database.prisma, guildId);
    expect(messages).toMatchObject([{ id: missed.id, content: missed.content, editedAt: new Date(T0 + 9_000) }]);
    expect(events.filter((event) => event.kind === 'replied').map((event) => event.key)).toEqual([
      `replied:${missed.id}`,
    ]);
    expect(tickets[0]?.lastActivityAt).toEqual(new Date(T0 + 9_000));
  });
});

describe('storeMessages with deletions', () => {
  it('marks a stored message deleted, keeps what it said, and adds no event', async () => {
    const { guildId, ticketId } = await openTicket();
    const kept = message({ createdAt: T0 + 1_000 });
    const removed = message({ createdAt: T0 + 2_000, content: 'something regretted' });
    await activities.storeMessages({ guildId, ticketId, messages: [kept, removed] });
    const before = await guildFootprint(database.prisma, guildId);

    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [],
      deletions: [{ messageId: removed.id, deletedAt: T0 + 60_000 }],
    });
    const after = await guildFootprint(database.prisma, guildId);
    expect(after.messages.find((row) => row.id === removed.id)).toMatchObject({
      content: 'something regretted',
      deletedAt: new Date(T0 + 60_000),
    });
    expect(after.messages.find((row) => row.id === kept.id)?.deletedAt).toBeNull();
    expect(after.events).toEqual(before.events);
    expect(after.tickets).toEqual(before.tickets);
  });

  it('changes nothing when a deletion is repeated, even with a later time, or a late edit arrives', async () => {
    const { guildId, ticketId } = await openTicket();
    const removed = message({ createdAt: T0 + 1_000 });
    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [removed],
      deletions: [{ messageId: removed.id, deletedAt: T0 + 5_000 }],
    });
    const once = await guildFootprint(database.prisma, guildId);
    expect(once.messages[0]?.deletedAt).toEqual(new Date(T0 + 5_000));

    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [removed],
      deletions: [{ messageId: removed.id, deletedAt: T0 + 5_000 }],
    });
    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [],
      deletions: [
        { messageId: removed.id, deletedAt: T0 + 7_000 },
        { messageId: removed.id, deletedAt: T0 + 6_000 },
      ],
    });
    expect(await guildFootprint(database.prisma, guildId)).toEqual(once);

    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [{ ...removed, content: 'edited before it was deleted', editedAt: T0 + 4_000 }],
    });
    const { messages } = await guildFootprint(database.prisma, guildId);
    expect(messages[0]).toMatchObject({ content: 'edited before it was deleted', deletedAt: new Date(T0 + 5_000) });
  });

  it("ignores deletions of messages the ticket never stored, another ticket's included", async () => {
    const a = await openTicket();
    const b = await openTicket();
    const ofA = message({ createdAt: T0 + 1 });
    await activities.storeMessages({ ...a, messages: [ofA] });
    const beforeA = await guildFootprint(database.prisma, a.guildId);
    const beforeB = await guildFootprint(database.prisma, b.guildId);
    await activities.storeMessages({
      ...b,
      messages: [],
      deletions: [
        { messageId: ofA.id, deletedAt: T0 + 2 },
        { messageId: newSnowflake(), deletedAt: T0 + 2 },
      ],
    });
    expect(await guildFootprint(database.prisma, a.guildId)).toEqual(beforeA);
    expect(await guildFootprint(database.prisma, b.guildId)).toEqual(beforeB);
  });

  it('refuses a malformed deletion and writes none of the batch', async () => {
    const { guildId, ticketId } = await openTicket();
    const before = await guildFootprint(database.prisma, guildId);
    await expectNonRetryable(
      activities.storeMessages({
        guildId,
        ticketId,
        messages: [message({ createdAt: T0 + 1 })],
        deletions: [{ messageId: 'not-an-id', deletedAt: T0 + 2 }],
      }),
      DatabaseFailureType.invalidInput,
      'invalid message deletions: 0.messageId',
    );
    expect(await guildFootprint(database.prisma, guildId)).toEqual(before);
  });
});
