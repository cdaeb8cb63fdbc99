import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { seedTicketGuild } from './discord-fixture.ts';

const REDIRECT = 'http://localhost:4100/auth/callback';

/** The panel's sign-in, driven with plain fetch as any OAuth2 client would. */
describe('Discord sandbox OAuth2', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox({ oauthRedirectUris: [REDIRECT] });
    guild = seedTicketGuild(sandbox);
  });
  afterAll(() => sandbox.close());

  async function authorize(params: Record<string, string>): Promise<URL> {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: sandbox.bot.applicationId,
      scope: 'identify guilds guilds.members.read',
      state: 'xyz',
      redirect_uri: REDIRECT,
      ...params,
    });
    const response = await fetch(`${sandbox.url}/oauth2/authorize?${query}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }
  async function token(form: Record<string, string>, secret = sandbox.bot.clientSecret) {
    const response = await fetch(`${sandbox.url}/api/oauth2/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${sandbox.bot.applicationId}:${secret}`).toString('base64')}`,
      },
      body: new URLSearchParams(form),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }
  async function bearer(path: string, accessToken: string) {
    const response = await fetch(`${sandbox.apiBaseUrl}${path}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('runs the code flow, refuses a reused code, and serves the Bearer routes', async () => {
    const sam = guild.user('sam').id;
    const redirected = await authorize({ login_as: sam });
    expect(redirected.searchParams.get('state')).toBe('xyz');
    const code = redirected.searchParams.get('code') ?? '';

    const granted = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(granted).toMatchObject({
      status: 200,
      body: { token_type: 'Bearer', expires_in: 604800, scope: 'identify guilds guilds.members.read' },
    });
    expect(await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });

    const access = granted.body.access_token ?? '';
    expect(await bearer('/users/@me', access)).toMatchObject({ status: 200, body: { id: sam, username: 'sam' } });
    const guilds = await bearer('/users/@me/guilds', access);
    const everyone = BigInt(sandbox.state.roles.get(guild.guild.id)?.permissions ?? '0');
    expect(guilds.body).toEqual([
      expect.objectContaining({ id: guild.guild.id, owner: false, permissions: everyone.toString() }),
    ]);
    expect(await bearer(`/users/@me/guilds/${guild.guild.id}/member`, access)).toMatchObject({
      status: 200,
      body: { user: { id: sam }, roles: [guild.role('Staff').id] },
    });
    expect(await bearer('/oauth2/@me', access)).toMatchObject({
      status: 200,
      body: { application: { id: sandbox.bot.applicationId }, user: { id: sam } },
    });
    expect(sandbox.specViolations).toEqual([]);
  });

  it('shows the owner every permission, and answers the driver-chosen user', async () => {
    sandbox.oauth.nextLogin(guild.owner.id);
    const code = (await authorize({ scope: 'guilds' })).searchParams.get('code') ?? '';
    const { body } = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    const guilds = (await bearer('/users/@me/guilds', body.access_token ?? '')).body as { permissions: string }[];
    expect(BigInt(guilds[0]?.permissions ?? '0') & PermissionFlagsBits.Administrator).toBe(
      PermissionFlagsBits.Administrator,
    );
    // Without the identify scope, /users/@me is refused.
    expect((await bearer('/users/@me', body.access_token ?? '')).status).toBe(401);
  });

  it('refuses a wrong redirect_uri, a wrong secret, and redirects a denial', async () => {
    const code = (await authorize({ login_as: guild.user('alice').id })).searchParams.get('code') ?? '';
    expect(
      await token({ grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:4100/elsewhere' }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(
      await token({ grant_type: 'authorization_code', code: 'x', redirect_uri: REDIRECT }, 'not-the-secret'),
    ).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'Invalid client' } });
    const denied = await authorize({ decision: 'deny' });
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('xyz');
  });

  it('refreshes (retiring the old pair) and revokes, with client credentials in the body', async () => {
    const code = (await authorize({ login_as: guild.user('alice').id })).searchParams.get('code') ?? '';
    const first = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).body;
    const second = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' });
    expect(second.status).toBe(200);
    expect((await bearer('/users/@me', first.access_token ?? '')).status).toBe(401);
    expect((await bearer('/users/@me', second.body.access_token ?? '')).status).toBe(200);

    const revoked = await fetch(`${sandbox.url}/api/v10/oauth2/token/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: second.body.access_token ?? '',
        client_id: sandbox.bot.applicationId,
        client_secret: sandbox.bot.clientSecret,
      }),
    });
    expect(revoked.status).toBe(200);
    expect((await bearer('/users/@me', second.body.access_token ?? '')).status).toBe(401);
    expect(await token({ grant_type: 'refresh_token', refresh_token: second.body.refresh_token ?? '' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('shows a user picker when nobody is chosen', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: sandbox.bot.applicationId,
      scope: 'identify',
      redirect_uri: REDIRECT,
    });
    const page = await fetch(`${sandbox.url}/oauth2/authorize?${query}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`login_as=${guild.user('alice').id}`);
  });
});
