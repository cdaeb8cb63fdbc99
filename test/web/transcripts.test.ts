import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcriptPagePath } from '../../domain/panel-paths.ts';
import { TRANSCRIPT_CSP } from '../../web/server/transcripts/transcript-viewer.ts';
import { eventually } from '../support/ticket-harness.ts';
import {
  closeWithReason,
  type LivedTicket,
  LONG_WAIT_MS,
  openFromPanel,
  post,
  waitUntilStored,
} from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';
import { serving, startWebSystem, type WebSystem } from './support/web-system.ts';

/**
 * The transcript viewer against the whole system: a ticket opened, talked in and closed in Discord, its transcript
 * rendered and stored by the worker, then served by the web process to the guild's staff and to the member who
 * opened it, under its own strict policy; to anyone else it does not exist.
 */
let system: TicketflowSystem;
let web: WebSystem;
let ticket: LivedTicket;
let page: string;

beforeAll(async () => {
  system = await startTicketflowSystem();
  web = await startWebSystem({ on: serving(system) });
  ticket = await openFromPanel(system, 'alice', 'My parcel is lost');
  await waitUntilStored(system, [post(system, ticket, 'alice', 'It was due on <b>Monday</b>')]);
  await closeWithReason(system, ticket, 'Found by the courier');
  await eventually(async () => {
    const row = await system.db.prisma.ticket.findUniqueOrThrow({
      where: { guildId_number: { guildId: system.world.guild.id, number: ticket.number } },
    });
    if (row.transcriptKey === null) throw new Error('no transcript stored yet');
  }, LONG_WAIT_MS);
  page = transcriptPagePath(system.world.guild.id, ticket.number);
}, 4 * LONG_WAIT_MS);

afterAll(async () => {
  await web?.close();
  await system?.close();
});

async function as(name: string, path = page, headers: Record<string, string> = {}): Promise<Response> {
  const { cookie } = await web.signIn(system.userId(name));
  return web.request(path, { cookie, headers });
}

describe('the transcript page', () => {
  it('is served to staff with its policy: no script, no framing, no sniffing, only its own images', async () => {
    const response = await as('sam');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(TRANSCRIPT_CSP);
    expect(TRANSCRIPT_CSP).toContain("frame-ancestors 'none'");
    expect(TRANSCRIPT_CSP).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain('My parcel is lost');
    expect(html).toContain('Found by the courier');
    // What members wrote is text, never markup.
    expect(html).toContain('&lt;b&gt;Monday&lt;/b&gt;');
    expect(html).not.toContain('<script');
  });

  it('is served to the member who opened the ticket, and to nobody else in the guild', async () => {
    expect((await as('alice')).status).toBe(200);
    const bob = await as('bob');
    expect(bob.status).toBe(404);
    expect(await bob.json()).toEqual({ error: { code: 'not_found', message: 'This transcript was not found.' } });
  });

  it('shows times in the time zone asked for, and refuses a zone that does not exist by name', async () => {
    const paris = await as('sam', `${page}?tz=Europe/Paris`);
    expect(await paris.text()).toContain('Europe/Paris');
    const bad = await as('sam', `${page}?tz=Mars/Olympus`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { problems: { path: string }[] } }).error.problems[0]?.path).toBe('tz');
  });

  it('answers 404 to someone of another guild, and for a ticket that has no transcript', async () => {
    const { cookie } = await web.signIn(web.userId(web.guildA, 'owner'));
    const stranger = await web.request(page, { cookie });
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toEqual({ error: { code: 'not_found', message: 'This server was not found.' } });
    const missing = await as('sam', transcriptPagePath(system.world.guild.id, ticket.number + 1000));
    expect(missing.status).toBe(404);
  });

  it('sends a browser that is signed out through sign-in and back; an API client gets 401', async () => {
    const browsing = await web.request(page, { headers: { accept: 'text/html' } });
    expect(browsing.status).toBe(303);
    expect(browsing.headers.get('location')).toBe(`/auth/login?${new URLSearchParams({ next: page })}`);
    expect((await web.request(page)).status).toBe(401);
  });

  it('serves no stored file to someone who may not read the transcript', async () => {
    const number = String(ticket.number).padStart(4, '0');
    const file = `${'a'.repeat(64)}.png`;
    const path = `/transcripts/${system.world.guild.id}/${number}/media/${file}`;
    expect((await as('bob', path)).status).toBe(404);
    // Staff may read the transcript; a file it does not hold is still not found.
    expect((await as('sam', path)).status).toBe(404);
  });
});

describe('the search of closed tickets', () => {
  const search = (name: string, query: string) =>
    as(name, `/api/v1/guilds/${system.world.guild.id}/transcripts?${query}`);
  type Found = { transcripts: { number: number; transcriptPath: string | null; match: { excerpt: string } | null }[] };

  it("finds the ticket by a message's words for staff, with an excerpt and its transcript's page", async () => {
    const response = await search('sam', new URLSearchParams({ text: 'due monday' }).toString());
    expect(response.status).toBe(200);
    const { transcripts } = (await response.json()) as Found;
    expect(transcripts.map((found) => found.number)).toEqual([ticket.number]);
    expect(transcripts[0]?.transcriptPath).toBe(page);
    expect(transcripts[0]?.match?.excerpt).toContain('Monday');
  });

  it('shows a member only the tickets they opened', async () => {
    const mine = (await (await search('alice', 'reason=courier')).json()) as Found;
    expect(mine.transcripts.map((found) => found.number)).toEqual([ticket.number]);
    const others = (await (await search('bob', 'reason=courier')).json()) as Found;
    expect(others.transcripts).toEqual([]);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const response = await search('sam', 'closedAfter=2026-12-02T00:00:00Z&closedBefore=2026-12-01T00:00:00Z');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { problems: { path: string }[] } };
    expect(body.error.problems.map((problem) => problem.path)).toEqual(['closedBefore']);
    expect((await search('sam', 'colour=red')).status).toBe(400);
  });
});
