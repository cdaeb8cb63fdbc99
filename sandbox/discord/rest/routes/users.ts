import { ApplicationFlags } from 'discord-api-types/v10';
import { z } from 'zod';
import { serializeDmChannel, serializeUser } from '../../serializers.ts';
import { requireUser } from '../access.ts';
import { cannotMessageUser, invalidRecipients } from '../errors.ts';
import type { Route } from '../router.ts';
import { currentUserGuilds } from './current-user-guilds.ts';

const createDmBodySchema = z.object({ recipient_id: z.string().regex(/^\d{17,20}$/) });

export const userRoutes: Route[] = [
  {
    // The bot's DM channel with a user: the same channel every time. Opening it succeeds whatever the user's privacy
    // settings; sending in it is what Discord refuses (50007). An unknown user is an invalid recipient, and so is the
    // bot itself (Discord answers a DM to oneself with 50007 at this step).
    method: 'POST',
    path: '/users/@me/channels',
    handle({ state, parseBody, botUserId }) {
      const { recipient_id } = parseBody(createDmBodySchema);
      if (recipient_id === botUserId) throw cannotMessageUser(400);
      if (!state.users.has(recipient_id)) throw invalidRecipients();
      const channel = state.openDmChannel(botUserId, recipient_id);
      return { status: 200, body: serializeDmChannel(channel, botUserId, state.users) };
    },
  },
  {
    method: 'GET',
    path: '/users/:userId',
    handle({ state, params, botUserId }) {
      if (params.userId !== '@me') return { status: 200, body: serializeUser(requireUser(state, params.userId ?? '')) };
      // The caller's own user carries the private fields of Discord's UserPIIResponse.
      const me = requireUser(state, botUserId);
      return {
        status: 200,
        body: {
          ...serializeUser(me),
          mfa_enabled: false,
          locale: 'en-US',
          verified: true,
          email: null,
          premium_type: 0,
        },
      };
    },
  },
  {
    // The caller's own application. Its flags say which privileged intents the developer portal grants: the local
    // Discord never refuses Message Content, and grants Server Members as the bot's record says. The sandbox has no
    // developer accounts, so the bot's own user stands for the owner.
    method: 'GET',
    path: '/applications/@me',
    handle({ state, botUserId }) {
      const me = requireUser(state, botUserId);
      const bot = state.botByUserId(botUserId);
      const flags =
        ApplicationFlags.GatewayMessageContentLimited |
        (bot?.guildMembersIntent ? ApplicationFlags.GatewayGuildMembersLimited : 0);
      return {
        status: 200,
        body: {
          id: bot?.applicationId ?? botUserId,
          name: me.username,
          icon: null,
          description: '',
          type: null,
          flags,
          flags_new: String(flags),
          bot: serializeUser(me),
          bot_public: false,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          redirect_uris: [],
          interactions_endpoint_url: null,
          role_connections_verification_url: null,
          owner: serializeUser(me),
          approximate_guild_count: [...state.guilds.values()].filter((guild) => state.member(guild.id, botUserId))
            .length,
          approximate_user_install_count: 0,
          approximate_user_authorization_count: 0,
          explicit_content_filter: 0,
          team: null,
          eligible_oauth2_scopes: ['bot', 'applications.commands'],
        },
      };
    },
  },
  {
    // The bot's own guilds; a signed-in user's are the Bearer route of the same path (oauth/bearer-routes.ts).
    method: 'GET',
    path: '/users/@me/guilds',
    handle: ({ state, botUserId, query }) => currentUserGuilds(state, botUserId, query),
  },
];
