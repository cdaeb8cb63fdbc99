import type { RESTPostAPIApplicationGuildCommandsJSONBody } from 'discord-api-types/v10';
import { requireGuild } from '../access.ts';
import { missingAccess, unknownCommand } from '../errors.ts';
import type { Route, RouteRequest } from '../router.ts';
import { type CommandBody, commandBodySchema, commandListSchema } from '../validation/command-body.ts';

/** Guild application commands of the calling bot's own application. */

function scope({ state, params, botUserId }: RouteRequest): { applicationId: string; guildId: string } {
  const applicationId = params.applicationId ?? '';
  if (state.botByUserId(botUserId)?.applicationId !== applicationId) throw missingAccess();
  const guildId = params.guildId ?? '';
  requireGuild(state, guildId, botUserId);
  return { applicationId, guildId };
}

/** The validated body without nulls, as the store keeps definitions. */
function definition(body: CommandBody): RESTPostAPIApplicationGuildCommandsJSONBody {
  return JSON.parse(JSON.stringify(body, (_key, value) => (value === null ? undefined : value)));
}

const collection = '/applications/:applicationId/guilds/:guildId/commands';
const single = `${collection}/:commandId`;

export const commandRoutes: Route[] = [
  {
    method: 'GET',
    path: collection,
    handle(request) {
      const { applicationId, guildId } = scope(request);
      return { status: 200, body: request.state.commands.list(applicationId, guildId) };
    },
  },
  {
    method: 'PUT',
    path: collection,
    handle(request) {
      const { applicationId, guildId } = scope(request);
      const bodies = request.parseBody(commandListSchema).map(definition);
      return { status: 200, body: request.state.commands.replaceAll(applicationId, guildId, bodies) };
    },
  },
  {
    method: 'POST',
    path: collection,
    handle(request) {
      const { applicationId, guildId } = scope(request);
      const body = definition(request.parseBody(commandBodySchema));
      const { command, created } = request.state.commands.upsert(applicationId, guildId, body);
      return { status: created ? 201 : 200, body: command };
    },
  },
  {
    method: 'GET',
    path: single,
    handle(request) {
      const { applicationId, guildId } = scope(request);
      const command = request.state.commands.get(applicationId, guildId, request.params.commandId ?? '');
      if (!command) throw unknownCommand();
      return { status: 200, body: command };
    },
  },
  {
    method: 'PATCH',
    path: single,
    handle(request) {
      const { applicationId, guildId } = scope(request);
      const commandId = request.params.commandId ?? '';
      const existing = request.state.commands.get(applicationId, guildId, commandId);
      if (!existing) throw unknownCommand();
      const { id: _id, application_id: _app, guild_id: _guild, version: _version, ...current } = existing;
      const merged = { ...current, ...(request.body as object) };
      const body = definition(request.parseBody(commandBodySchema, merged));
      return { status: 200, body: request.state.commands.update(applicationId, guildId, commandId, body) };
    },
  },
  {
    method: 'DELETE',
    path: single,
    handle(request) {
      const { applicationId, guildId } = scope(request);
      const commandId = request.params.commandId ?? '';
      if (!request.state.commands.get(applicationId, guildId, commandId)) throw unknownCommand();
      request.state.commands.delete(guildId, commandId);
      return { status: 204 };
    },
  },
];
