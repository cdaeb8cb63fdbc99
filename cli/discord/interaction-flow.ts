import { setTimeout as sleep } from 'node:timers/promises';
import { InteractionResponseType } from 'discord-api-types/v10';
import { ACK_DEADLINE_MS } from '../../sandbox/discord/interactions/interaction-store.ts';
import { GuildDirectory } from './guild-directory.ts';
import { componentHandles, formatMessage, terminalTimes } from './message-view.ts';
import { type CliIo, fillModal } from './modal-form.ts';
import { CliError, type InteractionStatus, type SandboxClient } from './sandbox-client.ts';

const POLL_MS = 100;
/** After "thinking", the bot still has Temporal and Postgres to call. */
const REPLY_WAIT_MS = 20_000;
/** Follow-ups and edits that come right after the first answer belong to the same answer. */
const SETTLE_MS = 600;

export interface InteractionContext {
  client: SandboxClient;
  actorId: string;
  io: CliIo;
  /** `--answer` flags, for a form the bot may show. */
  answers: string[];
}

/** Polls the interaction until `done` holds for its status, or gives up with `timeoutMessage`. */
async function pollUntil(
  client: SandboxClient,
  id: string,
  timeoutMs: number,
  done: (status: InteractionStatus) => boolean,
  timeoutMessage: string,
): Promise<InteractionStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await client.interaction(id);
    if (done(status)) return status;
    if (Date.now() >= deadline) throw new CliError(timeoutMessage);
    await sleep(POLL_MS);
  }
}

/** The status once nothing changed for a moment (or the reply wait is over). */
async function settled(client: SandboxClient, first: InteractionStatus): Promise<InteractionStatus> {
  let last = first;
  let quietSince = Date.now();
  const deadline = Date.now() + REPLY_WAIT_MS;
  while (Date.now() - quietSince < SETTLE_MS && Date.now() < deadline) {
    await sleep(POLL_MS);
    const status = await client.interaction(first.id);
    if (JSON.stringify(status) !== JSON.stringify(last)) quietSince = Date.now();
    last = status;
  }
  return last;
}

/**
 * Follows an interaction the way the member's client would: waits for the bot's first answer (Discord's 3 s),
 * fills a form it shows and submits it, then prints the answer with its buttons numbered as `press` takes them.
 */
export async function followInteraction(context: InteractionContext, interactionId: string): Promise<void> {
  const { client, io } = context;
  const seconds = ACK_DEADLINE_MS / 1000;
  const acked = await pollUntil(
    client,
    interactionId,
    ACK_DEADLINE_MS,
    (status) => status.ack !== null,
    `nobody answered within ${seconds} s, so Discord would show "This interaction failed". ` +
      "Is the bot running? start.sh's terminal says why not; bash scripts/restart.sh bot restarts it.",
  );
  if (acked.ack?.type === InteractionResponseType.Modal && acked.modal) {
    const values = await fillModal(acked.modal, context.answers, io);
    const submitted = await client.act<{ interactionId: string }>({
      action: 'submitModal',
      as: context.actorId,
      interactionId,
      values,
    });
    return followInteraction({ ...context, answers: [] }, submitted.interactionId);
  }
  const answered = await pollUntil(
    client,
    interactionId,
    REPLY_WAIT_MS,
    (status) => !status.thinking && status.reply !== null,
    `the bot acknowledged but gave no answer within ${REPLY_WAIT_MS / 1000} s (it still shows "thinking")`,
  );
  const status = await settled(client, answered);
  const shown = [status.reply, ...status.followUps].filter((message) => message !== null);
  const channelId = shown[0]?.channel_id;
  const handles = channelId
    ? componentHandles(await client.messages(channelId, { as: context.actorId, limit: 1000 }))
    : [];
  const updated =
    acked.ack?.type === InteractionResponseType.DeferredMessageUpdate ||
    acked.ack?.type === InteractionResponseType.UpdateMessage;
  // The answer may name what the interaction made (the new ticket's thread): look at the guild as it is now.
  const directory = await GuildDirectory.load(client);
  const times = terminalTimes();
  io.print(updated ? 'The bot updated the message:' : 'The bot answered:');
  for (const message of shown) io.print(formatMessage(message, handles, directory, times));
}
