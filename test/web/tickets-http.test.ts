import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/ticket-harness.ts';
import { type LivedTicket, LONG_WAIT_MS, openFromPanel, post, waitUntilStored } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';
import { openEventStream } from './support/event-stream.ts';
import { startWebSystem, type WebSystem } from './support/web-system.ts';

/**
 * The ticket API over HTTP, served by the web server on the whole system (Temporal dev server, worker, bot, local
 * Discord, Postgres): who reads what, bad input refused by name with nothing sent, and the workflow's answers.
 */
let system: TicketflowSystem;
let web: WebSystem;
let ticket: LivedTicket;
let aliceMessageId: string;
const cookies: Record<'sam' | 'alice' | 'bob', string> = { sam: '', alice: '', bob: '' };

function ticketsPath(suffix = '', guildId = system.world.guild.id): string {
  return `/api/v1/guilds/${guildId}/tickets${suffix}`;
}

function postAction(who: keyof typeof cookies, action: string, body?: unknown, number = ticket.number) {
  return web.request(ticketsPath(`/${number}/${action}`), {
    method: 'POST',
    cookie: cookies[who],
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

async function threadMessages(): Promise<number> {
  return system.discord.state.messagesIn(ticket.threadId).length;
}

/** A stream of the API, opened as the signed-in `cookie`. */
function openStream(path: string, cookie: string, lastEventId?: string) {
  return openEventStream((init) => web.request(path, { ...init, cookie }), lastEventId);
}

beforeAll(async () => {
  system = await startTicketflowSystem();
  web = await startWebSystem({ on: { db: system.db, discord: system.discord, temporal: system.temporal.client } });
  ticket = await openFromPanel(system, 'alice', 'My order never arrived');
  aliceMessageId = post(system, ticket, 'alice', 'Order 1234, paid on Monday');
  await waitUntilStored(system, [aliceMessageId]);
  for (const name of ['sam', 'alice', 'bob'] as const) cookies[name] = (await web.signIn(system.userId(name))).cookie;
}, 3 * LONG_WAIT_MS);

afterAll(async () => {
  await web?.close();
  await system?.close();
});

describe('reading tickets', () => {
  it('lists the guild’s tickets to staff, and to a member only those they opened', async () => {
    const numbers = async (who: keyof typeof cookies) => {
      const response = await web.request(ticketsPath('?status=open'), { cookie: cookies[who] });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { tickets: { number: number }[] };
      return body.tickets.map((listed) => listed.number);
    };
    expect(await numbers('sam')).toEqual([ticket.number]);
    expect(await numbers('alice')).toEqual([ticket.number]);
    expect(await numbers('bob')).toEqual([]);
  });

  it('refuses a bad list query with a 400 naming the field', async () => {
    for (const [query, path] of [
      ['?status=lost', 'status'],
      ['?limit=500', 'limit'],
      ['?colour=red', 'querystring'],
      ['?cursor=forged', 'cursor'],
    ]) {
      const response = await web.request(ticketsPath(query), { cookie: cookies.sam });
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; problems: { path: string }[] } };
      expect(body.error.code, query).toBe('invalid_request');
      expect(body.error.problems.map((problem) => problem.path).join(), query).toContain(path);
    }
  });

  it('shows a ticket whole to staff and to its creator: answers, messages, timeline', async () => {
    for (const who of ['sam', 'alice'] as const) {
      const response = await web.request(ticketsPath(`/${ticket.number}`), { cookie: cookies[who] });
      expect(response.status).toBe(200);
      const { ticket: shown } = (await response.json()) as {
        ticket: { answers: unknown[]; messages: { id: string; content: string }[]; events: { kind: string }[] };
      };
      expect(shown.answers).toEqual([{ question: 'What do you need help with?', answer: 'My order never arrived' }]);
      expect(shown.messages.find((message) => message.id === aliceMessageId)?.content).toBe(
        'Order 1234, paid on Monday',
      );
      expect(shown.events.map((event) => event.kind)).toEqual(['opened', 'replied']);
    }
  });

  it('answers 404 for a ticket a member did not open, one that does not exist, and one of another guild', async () => {
    const notFound = async (path: string, who: keyof typeof cookies) => {
      const response = await web.request(path, { cookie: cookies[who] });
      expect(response.status, path).toBe(404);
      return ((await response.json()) as { error: { code: string } }).error.code;
    };
    expect(await notFound(ticketsPath(`/${ticket.number}`), 'bob')).toBe('not_found');
    expect(await notFound(ticketsPath(`/${ticket.number + 100}`), 'sam')).toBe('not_found');
    expect(await notFound(ticketsPath(`/${ticket.number}`, web.guildB.guild.id), 'sam')).toBe('not_found');
  });
});

describe('live changes', () => {
  it('streams a message written in Discord to the ticket’s page within a second, and resumes from Last-Event-ID', async () => {
    const detail = await web.request(ticketsPath(`/${ticket.number}`), { cookie: cookies.sam });
    const { changeId } = (await detail.json()) as { changeId: number };
    const stream = await openStream(ticketsPath(`/${ticket.number}/stream?after=${changeId}`), cookies.sam);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    const sentAt = Date.now();
    const messageId = post(system, ticket, 'alice', 'Is there any news?');
    const arrived = await eventually(() => {
      const found = stream.events.find(
        (event) => event.event === 'message' && (event.data as { id: string }).id === messageId,
      );
      if (!found) throw new Error('the message has not arrived');
      return found;
    });
    expect(arrived.data).toMatchObject({ content: 'Is there any news?', authorId: system.userId('alice') });
    expect(arrived.at - sentAt).toBeLessThan(1_000);
    await stream.close();

    // Reconnecting with the first event's id brings every later one again (and any that came after the first
    // stream closed), and nothing before it.
    const [first, ...later] = stream.events.map((event) => Number(event.id));
    const resumed = await openStream(ticketsPath(`/${ticket.number}/stream`), cookies.sam, String(first));
    await eventually(() =>
      expect(resumed.events.slice(0, later.length).map((event) => Number(event.id))).toEqual(later),
    );
    expect(resumed.events.every((event) => Number(event.id) > (first ?? 0))).toBe(true);
    await resumed.close();
  });

  it('carries a member only the tickets they opened', async () => {
    const alices = await openStream(ticketsPath('/stream'), cookies.alice);
    const bobs = await openStream(ticketsPath('/stream'), cookies.bob);
    post(system, ticket, 'alice', 'Still waiting.');
    await eventually(() =>
      expect(alices.events.some((event) => (event.data as { number: number }).number === ticket.number)).toBe(true),
    );
    expect(bobs.events).toEqual([]);
    await Promise.all([alices.close(), bobs.close()]);
    const bobsTicket = await web.request(ticketsPath(`/${ticket.number}/stream`), { cookie: cookies.bob });
    expect(bobsTicket.status).toBe(404);
  });

  it('tells a page resuming from an id it cannot resume from to reload, and ends', async () => {
    const stream = await openStream(ticketsPath('/stream?after=999999999'), cookies.sam);
    await eventually(() => expect(stream.ended()).toBe(true));
    expect(stream.events).toEqual([expect.objectContaining({ event: 'expired', data: { reason: 'unknown' } })]);
  });
});

describe('acting on tickets', () => {
  it('refuses bad input with a 400 naming the field, and sends nothing', async () => {
    const before = await threadMessages();
    for (const [action, body, path] of [
      ['reply', { content: '   ' }, 'content'],
      ['reply', { content: 'x'.repeat(1801) }, 'content'],
      ['reply', { text: 'hello' }, 'body'],
      ['members', { memberId: 'bob' }, 'memberId'],
      ['assign', {}, 'assigneeId'],
      ['close', { reason: 'x'.repeat(501) }, 'reason'],
    ] as const) {
      const response = await postAction('sam', action, body);
      expect(response.status, `${action} ${JSON.stringify(body).slice(0, 40)}`).toBe(400);
      const error = ((await response.json()) as { error: { problems: { path: string }[] } }).error;
      expect(error.problems.map((problem) => problem.path).join(), action).toContain(path);
    }
    const badNumber = await web.request(ticketsPath('/first/claim'), { method: 'POST', cookie: cookies.sam });
    expect(badNumber.status).toBe(400);
    expect(await threadMessages()).toBe(before);
    const row = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.threadId } });
    expect(row.assigneeId).toBeNull();
    expect(await system.db.prisma.ticketMember.count({ where: { ticketId: row.id } })).toBe(0);
  });

  it('lets only staff act: a member’s staff action is 403, on a ticket they did not open 404', async () => {
    const refused = await postAction('alice', 'pause-timer');
    expect(refused.status).toBe(403);
    const notTheirs = await postAction('bob', 'close', { reason: 'not mine' });
    expect(notTheirs.status).toBe(404);
  });

  it('replies as staff: posted in the thread through the bot and stored', async () => {
    const response = await postAction('sam', 'reply', { content: 'We sent a new parcel.' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      outcome: 'done',
      message: `Your reply was posted in ticket #${ticket.number}.`,
    });
    const posted = system.discord.state
      .messagesIn(ticket.threadId)
      .find((message) => message.content.includes('We sent a new parcel.'));
    expect(posted?.author.id).toBe(system.discord.bot.userId);
    await waitUntilStored(system, [posted?.id ?? '']);
  });

  it('takes the same request once when it is sent again with its idempotency key', async () => {
    const send = () =>
      web.request(ticketsPath(`/${ticket.number}/reply`), {
        method: 'POST',
        cookie: cookies.sam,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'retry-of-one-reply' },
        body: JSON.stringify({ content: 'Sent once, asked twice.' }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const copies = system.discord.state
      .messagesIn(ticket.threadId)
      .filter((message) => message.content.includes('Sent once, asked twice.'));
    expect(copies).toHaveLength(1);
  });

  it('closes with a reason; closing again and acting on it answer that it is closed', async () => {
    const closed = await postAction('sam', 'close', { reason: 'Parcel delivered' });
    expect(closed.status).toBe(200);
    await eventually(async () => {
      const row = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.threadId } });
      expect(row.status).toBe('closed');
    }, LONG_WAIT_MS);
    const again = await postAction('sam', 'close');
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: {
        code: 'already_closed',
        message: `Ticket #${ticket.number} was already closed (reason: "Parcel delivered"). Nothing was changed.`,
      },
    });
    const claim = await postAction('sam', 'claim');
    expect(claim.status).toBe(409);
    expect(((await claim.json()) as { error: { code: string } }).error.code).toBe('ticket_closed');
  });
});
