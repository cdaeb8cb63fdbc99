import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { findMessage } from '../interactions/interaction-messages.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { channelMessages, guildViews } from './driver-views.ts';
import type { SandboxDriver } from './sandbox-driver.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';
import type { SandboxInteraction } from './sandbox-interaction.ts';

/**
 * The driver over HTTP for the demo, apart from Discord's routes: `POST /__sandbox/actions` with
 * `{ as, action, … }` acts as a member (`typeInOption` types in an option with autocomplete; the status then shows
 * the suggestions as `choices`) (or changes their client settings: `setLocale`, `setAllowsDirectMessages`);
 * `GET /__sandbox/interactions/{id}` shows what the app answered so far; `GET /__sandbox/users/{id}/direct-messages`
 * lists the DMs a user received, oldest first.
 * Read-only, optionally as one member (`?as={user id}`): `GET /__sandbox/guilds` (members, roles, channels,
 * commands) and `GET /__sandbox/channels/{id}/messages?limit=N` (oldest first, with that member's ephemeral ones).
 */
export const SANDBOX_PATH_PREFIX = '/__sandbox/';

const snowflake = z.string().regex(/^\d{17,20}$/);
/** A command as a member fills it in: `/name [group] [subcommand] options…`. */
const commandFields = {
  as: snowflake,
  channelId: snowflake,
  name: z.string(),
  group: z.string().optional(),
  subcommand: z.string().optional(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
};
const actionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('sendMessage'), as: snowflake, channelId: snowflake, content: z.string() }),
  z.object({
    action: z.literal('editMessage'),
    as: snowflake,
    channelId: snowflake,
    messageId: snowflake,
    content: z.string(),
  }),
  z.object({ action: z.literal('deleteMessage'), as: snowflake, channelId: snowflake, messageId: snowflake }),
  z.object({ action: z.literal('runSlashCommand'), ...commandFields }),
  z.object({
    action: z.literal('typeInOption'),
    ...commandFields,
    focused: z.object({ name: z.string(), typed: z.string() }),
  }),
  z.object({
    action: z.literal('pressButton'),
    as: snowflake,
    channelId: snowflake,
    messageId: snowflake,
    customId: z.string(),
  }),
  z.object({
    action: z.literal('selectOptions'),
    as: snowflake,
    channelId: snowflake,
    messageId: snowflake,
    customId: z.string(),
    values: z.array(z.string()),
  }),
  z.object({ action: z.literal('setLocale'), as: snowflake, locale: z.string() }),
  z.object({ action: z.literal('setAllowsDirectMessages'), as: snowflake, allowed: z.boolean() }),
  z.object({
    action: z.literal('submitModal'),
    as: snowflake,
    interactionId: snowflake,
    values: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  }),
]);

type Action = z.output<typeof actionSchema>;

const readQuerySchema = z.object({
  as: snowflake.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

function perform(driver: SandboxDriver, action: Action): unknown {
  const actor = driver.as(action.as);
  switch (action.action) {
    case 'sendMessage':
      return actor.sendMessage(action.channelId, action.content);
    case 'editMessage':
      return actor.editMessage(action.channelId, action.messageId, action.content);
    case 'deleteMessage':
      actor.deleteMessage(action.channelId, action.messageId);
      return { deleted: true };
    case 'runSlashCommand':
      return interactionId(
        actor.runSlashCommand(action.channelId, action.name, {
          group: action.group,
          subcommand: action.subcommand,
          options: action.options,
        }),
      );
    case 'typeInOption':
      return interactionId(
        actor.typeInOption(action.channelId, action.name, {
          group: action.group,
          subcommand: action.subcommand,
          options: action.options,
          focused: action.focused,
        }),
      );
    case 'pressButton':
      return interactionId(actor.pressButton(action.channelId, action.messageId, action.customId));
    case 'selectOptions':
      return interactionId(actor.selectOptions(action.channelId, action.messageId, action.customId, action.values));
    case 'submitModal':
      return interactionId(actor.submitModal(driver.interaction(action.interactionId), action.values));
    case 'setLocale':
      actor.setLocale(action.locale);
      return { locale: action.locale };
    case 'setAllowsDirectMessages':
      actor.setAllowsDirectMessages(action.allowed);
      return { allowsDirectMessages: action.allowed };
  }
}

/** Only the id: the token is the app's secret, and a member never sees it. */
function interactionId(interaction: SandboxInteraction): { interactionId: string } {
  return { interactionId: interaction.id };
}

function interactionStatus(state: DiscordState, interaction: SandboxInteraction) {
  const { record } = interaction;
  const original =
    record.originalMessageId && !record.originalLoading
      ? (findMessage(state, record.channelId, record.originalMessageId) ?? null)
      : null;
  return {
    id: record.id,
    type: record.type,
    ack: record.ack ? { type: record.ack.type, ackMs: record.ack.atMs - record.createdAtMs } : null,
    modal: record.modal,
    choices: record.choices,
    thinking: record.originalLoading,
    reply: original,
    followUps: interaction.followUps(),
  };
}

export function handleDriverRequest(
  state: DiscordState,
  driver: SandboxDriver,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const path = url.pathname.slice(SANDBOX_PATH_PREFIX.length);
    try {
      if (request.method === 'POST' && path === 'actions') {
        const parsed = actionSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
        if (!parsed.success) return send(response, 400, { error: z.prettifyError(parsed.error) });
        return send(response, 200, perform(driver, parsed.data));
      }
      const status = /^interactions\/(\d{17,20})$/.exec(path);
      if (request.method === 'GET' && status?.[1])
        return send(response, 200, interactionStatus(state, driver.interaction(status[1])));
      const directMessages = /^users\/(\d{17,20})\/direct-messages$/.exec(path);
      if (request.method === 'GET' && directMessages?.[1])
        return send(response, 200, driver.as(directMessages[1]).directMessages());
      const messages = /^channels\/(\d{17,20})\/messages$/.exec(path);
      if (request.method === 'GET' && (path === 'guilds' || messages?.[1])) {
        const query = readQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) return send(response, 400, { error: z.prettifyError(query.error) });
        const viewer = query.data.as ? driver.as(query.data.as).userId : null;
        if (messages?.[1])
          return send(response, 200, channelMessages(state, messages[1], viewer, query.data.limit ?? 50));
        return send(response, 200, guildViews(state, viewer));
      }
      send(response, 404, { error: `no sandbox route ${request.method} /__sandbox/${path}` });
    } catch (error) {
      if (error instanceof SandboxDriverError || error instanceof SyntaxError)
        return send(response, 400, { error: error.message });
      console.error('discord sandbox driver: unexpected failure', error);
      send(response, 500, { error: 'the sandbox driver failed; see its log' });
    }
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response
    .writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) })
    .end(json);
}
