import type { ApplicationFlags } from 'discord-api-types/v10';
import { unauthorized, unknownGuild } from '../rest/errors.ts';
import type { Route, RouteRequest } from '../rest/router.ts';
import { currentUserGuilds } from '../rest/routes/current-user-guilds.ts';
import { serializeMember, serializeUser } from '../serializers.ts';
import type { BearerGrant } from './oauth-store.ts';

/** The grant behind a 'bearer' route, which must include the scope; Discord answers 401 otherwise. */
function grantWith(request: RouteRequest, scope: string | null): BearerGrant {
  const grant = request.bearer;
  if (!grant || (scope !== null && !grant.scopes.includes(scope))) throw unauthorized();
  return grant;
}

/** What a web panel signed in with Discord reads as its user: who they are, their guilds, their membership. */
export const bearerRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/@me',
    auth: 'bearer',
    handle(request) {
      const grant = grantWith(request, 'identify');
      const user = request.state.users.get(grant.userId);
      if (!user) throw unauthorized();
      return {
        status: 200,
        body: {
          ...serializeUser(user),
          mfa_enabled: false,
          locale: 'en-US',
          verified: true,
          // Discord sends the address only with the email scope; sandbox users have none.
          ...(grant.scopes.includes('email') ? { email: null } : {}),
          premium_type: 0,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/users/@me/guilds',
    auth: 'bearer',
    handle(request) {
      return currentUserGuilds(request.state, grantWith(request, 'guilds').userId, request.query);
    },
  },
  {
    method: 'GET',
    path: '/users/@me/guilds/:guildId/member',
    auth: 'bearer',
    handle(request) {
      const { state } = request;
      const grant = grantWith(request, 'guilds.members.read');
      const member = state.member(request.params.guildId ?? '', grant.userId);
      const user = state.users.get(grant.userId);
      if (!member || !user) throw unknownGuild();
      return { status: 200, body: serializeMember(member, user) };
    },
  },
  {
    method: 'GET',
    path: '/oauth2/@me',
    auth: 'bearer',
    handle(request) {
      const { state } = request;
      const grant = grantWith(request, null);
      const botUser = state.users.get(grant.applicationId);
      const user = state.users.get(grant.userId);
      return {
        status: 200,
        body: {
          application: {
            id: grant.applicationId,
            name: botUser?.username ?? 'application',
            icon: null,
            description: '',
            type: null,
            bot_public: false,
            bot_require_code_grant: false,
            flags: 0,
            flags_new: String(0 as ApplicationFlags),
            verify_key: '0'.repeat(64),
          },
          scopes: grant.scopes,
          expires: new Date(grant.expiresAtMs).toISOString(),
          ...(grant.scopes.includes('identify') && user ? { user: serializeUser(user) } : {}),
        },
      };
    },
  },
];
