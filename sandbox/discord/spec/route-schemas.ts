import * as spec from 'discord-api-spec/zod';
import * as z from 'zod/mini';
import { withNumericDefaultPermissions } from '../rest/validation/command-body.ts';
import { withNumericOverwriteBits } from '../rest/validation/guild-channel-body.ts';

/**
 * Each sandbox route (method and path template, as registered on the Router) with the schemas Discord's OpenAPI
 * description (discord-api-spec, openapi.json) gives its operation: the JSON request body it accepts and the
 * body of its success answer. `request: null` means the operation takes no JSON body (or one the description
 * does not cover); `response: null` means its success answer has none (204) or the description has none.
 *
 * The generated objects are not strict: unknown fields pass. For requests that is Discord's own behaviour (it
 * ignores fields it does not know); for responses it lets the sandbox send fields discord.js reads that the
 * description has not caught up with. What is checked is that every field the description names has its type.
 */
export interface RouteSchemas {
  request: z.ZodMiniType | null;
  response: z.ZodMiniType | null;
}

const channelResponse = z.union([spec.GuildChannelResponseSchema, spec.ThreadResponseSchema]);
const anyChannelResponse = z.union([channelResponse, spec.PrivateChannelResponseSchema]);
const nullableList = (item: z.ZodMiniType) => z.nullable(z.array(item));
/**
 * The description types overwrite bits as integers; Discord takes decimal strings too (what discord.js sends, and
 * the only exact form above 2^53), so those are read as numbers before the description checks the body.
 */
const withOverwrites = (schema: z.ZodMiniType) => z.pipe(z.transform(withNumericOverwriteBits), schema);
/** The same for a command's `default_member_permissions`, a decimal string in Discord's docs and in discord.js. */
const withCommandPermissions = (schema: z.ZodMiniType) => z.pipe(z.transform(withNumericDefaultPermissions), schema);
const numericPermissionsOfEach = (body: unknown) =>
  Array.isArray(body) ? body.map(withNumericDefaultPermissions) : body;

export const ROUTE_SCHEMAS: Record<string, RouteSchemas> = {
  'GET /gateway/bot': { request: null, response: spec.GatewayBotResponseSchema },

  'GET /users/:userId': { request: null, response: z.union([spec.UserPIIResponseSchema, spec.UserResponseSchema]) },
  'GET /applications/@me': { request: null, response: spec.PrivateApplicationResponseSchema },
  'POST /users/@me/channels': {
    request: spec.CreatePrivateChannelRequestSchema,
    response: spec.PrivateChannelResponseSchema,
  },

  'GET /guilds/:guildId': { request: null, response: spec.GuildWithCountsResponseSchema },
  'GET /guilds/:guildId/channels': { request: null, response: nullableList(spec.GuildChannelResponseSchema) },
  'POST /guilds/:guildId/channels': {
    request: withOverwrites(spec.CreateGuildChannelRequestSchema),
    response: spec.GuildChannelResponseSchema,
  },
  'GET /guilds/:guildId/members': { request: null, response: z.array(spec.GuildMemberResponseSchema) },
  'GET /guilds/:guildId/members/:userId': { request: null, response: spec.GuildMemberResponseSchema },
  'GET /guilds/:guildId/roles': { request: null, response: z.array(spec.GuildRoleResponseSchema) },
  'GET /guilds/:guildId/threads/active': { request: null, response: spec.ThreadsResponseSchema },

  'GET /channels/:channelId': { request: null, response: anyChannelResponse },
  'PATCH /channels/:channelId': {
    request: withOverwrites(
      z.union([spec.UpdateGuildChannelRequestPartialSchema, spec.UpdateThreadRequestPartialSchema]),
    ),
    response: channelResponse,
  },
  'DELETE /channels/:channelId': { request: null, response: channelResponse },
  // The description gives this operation's body no named schema; the route's own schema checks it.
  'PUT /channels/:channelId/permissions/:overwriteId': { request: null, response: null },
  'DELETE /channels/:channelId/permissions/:overwriteId': { request: null, response: null },
  'GET /channels/:channelId/messages': { request: null, response: nullableList(spec.MessageResponseSchema) },
  'POST /channels/:channelId/messages': {
    request: spec.MessageCreateRequestSchema,
    response: spec.MessageResponseSchema,
  },
  'GET /channels/:channelId/messages/:messageId': { request: null, response: spec.MessageResponseSchema },
  'PATCH /channels/:channelId/messages/:messageId': {
    request: spec.MessageEditRequestPartialSchema,
    response: spec.MessageResponseSchema,
  },
  'DELETE /channels/:channelId/messages/:messageId': { request: null, response: null },
  'POST /channels/:channelId/threads': {
    request: spec.CreateTextThreadWithoutMessageRequestSchema,
    response: spec.CreatedThreadResponseSchema,
  },
  'GET /channels/:channelId/thread-members': { request: null, response: z.array(spec.ThreadMemberResponseSchema) },
  'GET /channels/:channelId/thread-members/:userId': { request: null, response: spec.ThreadMemberResponseSchema },
  'PUT /channels/:channelId/thread-members/:userId': { request: null, response: null },
  'DELETE /channels/:channelId/thread-members/:userId': { request: null, response: null },

  'GET /applications/:applicationId/guilds/:guildId/commands': {
    request: null,
    response: nullableList(spec.ApplicationCommandResponseSchema),
  },
  'PUT /applications/:applicationId/guilds/:guildId/commands': {
    request: z.pipe(z.transform(numericPermissionsOfEach), nullableList(spec.ApplicationCommandUpdateRequestSchema)),
    response: nullableList(spec.ApplicationCommandResponseSchema),
  },
  'POST /applications/:applicationId/guilds/:guildId/commands': {
    request: withCommandPermissions(spec.ApplicationCommandCreateRequestSchema),
    response: spec.ApplicationCommandResponseSchema,
  },
  'GET /applications/:applicationId/guilds/:guildId/commands/:commandId': {
    request: null,
    response: spec.ApplicationCommandResponseSchema,
  },
  'PATCH /applications/:applicationId/guilds/:guildId/commands/:commandId': {
    request: withCommandPermissions(spec.ApplicationCommandPatchRequestPartialSchema),
    response: spec.ApplicationCommandResponseSchema,
  },
  'DELETE /applications/:applicationId/guilds/:guildId/commands/:commandId': { request: null, response: null },

  'POST /interactions/:interactionId/:token/callback': {
    request: z.union([
      spec.CreateMessageInteractionCallbackRequestSchema,
      spec.UpdateMessageInteractionCallbackRequestSchema,
      spec.ModalInteractionCallbackRequestSchema,
      spec.ApplicationCommandAutocompleteCallbackRequestSchema,
      spec.PongInteractionCallbackRequestSchema,
    ]),
    response: spec.InteractionCallbackResponseSchema,
  },
  'POST /webhooks/:webhookId/:token': {
    request: spec.IncomingWebhookRequestPartialSchema,
    response: spec.MessageResponseSchema,
  },
  'GET /webhooks/:webhookId/:token/messages/:messageId': { request: null, response: spec.MessageResponseSchema },
  'PATCH /webhooks/:webhookId/:token/messages/:messageId': {
    request: spec.IncomingWebhookUpdateRequestPartialSchema,
    response: spec.MessageResponseSchema,
  },
  'DELETE /webhooks/:webhookId/:token/messages/:messageId': { request: null, response: null },

  // OAuth2: the token routes are form-encoded and answer RFC 6749 JSON, which the description does not cover.
  'POST /oauth2/token': { request: null, response: null },
  'POST /oauth2/token/revoke': { request: null, response: null },
  'GET /users/@me': { request: null, response: spec.UserPIIResponseSchema },
  'GET /oauth2/@me': { request: null, response: spec.OAuth2GetAuthorizationResponseSchema },
  'GET /users/@me/guilds': { request: null, response: nullableList(spec.MyGuildResponseSchema) },
  'GET /users/@me/guilds/:guildId/member': { request: null, response: spec.PrivateGuildMemberResponseSchema },
};

export function routeKey(method: string, path: string): string {
  return `${method} ${path}`;
}
