import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type APIMessage,
  type APIThreadChannel,
  ChannelType,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from 'discord-api-types/v10';
import { createDiscordRest } from '../../activities/discord/rest-client.ts';

/** Where a REST client finds a sandbox, and as whom it calls. */
export interface SandboxEndpoint {
  apiBaseUrl: string;
  botToken: string;
}

/** A temporary folder for one test file's saved state; `remove` deletes it. */
export async function temporaryDataDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'ticketflow-sandbox-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * A ticket's footprint made the way the worker makes it, through @discordjs/rest: a private thread, a member and a
 * staff member added, and messages, one of them sent with an enforced nonce.
 */
export async function openTicketThread(
  endpoint: SandboxEndpoint,
  input: { channelId: string; name: string; memberIds: string[] },
): Promise<{ thread: APIThreadChannel; messages: APIMessage[] }> {
  const rest = createDiscordRest({ token: endpoint.botToken, apiBaseUrl: endpoint.apiBaseUrl });
  const thread = (await rest.post(Routes.threads(input.channelId), {
    body: { name: input.name, type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: 10080 },
  })) as APIThreadChannel;
  for (const memberId of input.memberIds) await rest.put(Routes.threadMembers(thread.id, memberId));
  const send = async (body: RESTPostAPIChannelMessageJSONBody) =>
    (await rest.post(Routes.channelMessages(thread.id), { body })) as APIMessage;
  const messages = [
    await send({
      content: `Welcome <@${input.memberIds[0]}>`,
      allowed_mentions: { users: input.memberIds.slice(0, 1) },
      nonce: `${input.name}-welcome`,
      enforce_nonce: true,
    }),
    await send({ embeds: [{ title: 'Answers', fields: [{ name: 'Order', value: '#1234' }] }], allowed_mentions: {} }),
  ];
  return { thread, messages };
}

/** The GET answers a client sees about a guild and one of its threads, keyed by path, for comparing two sandboxes. */
export async function restAnswers(
  endpoint: SandboxEndpoint,
  ids: { guildId: string; threadId: string },
): Promise<Record<string, { status: number; body: unknown }>> {
  const paths = [
    '/users/@me',
    `/guilds/${ids.guildId}/members?limit=1000`,
    `/guilds/${ids.guildId}/threads/active`,
    `/channels/${ids.threadId}`,
    `/channels/${ids.threadId}/thread-members?with_member=true`,
  ];
  const answers: Record<string, { status: number; body: unknown }> = {};
  for (const path of paths) {
    const response = await fetch(`${endpoint.apiBaseUrl}${path}`, {
      headers: { Authorization: `Bot ${endpoint.botToken}` },
    });
    answers[path] = { status: response.status, body: await response.json() };
  }
  return answers;
}
