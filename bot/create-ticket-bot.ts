import { Client, type ClientOptions, Events, type Guild, Partials } from 'discord.js';
import { discordApiRoot } from '../config/discord-api.ts';
import { BackgroundTasks } from './background-tasks.ts';
import type { BotContext, BotServices } from './bot-context.ts';
import { commandButtons, slashCommands } from './commands/index.ts';
import { registerGuildTicketCommands } from './commands/register-ticket-command.ts';
import { logMissingGuildCapabilities, logMissingIntents } from './diagnostics/report-missing-capabilities.ts';
import { guildConfigSavedBy } from './guild-settings/guild-config-saved.ts';
import { tellTicketsOfPermissionChanges } from './guild-settings/permission-changes.ts';
import { componentHandlers } from './interactions/component-handlers.ts';
import { createInteractionIntake, type InteractionIntake } from './interactions/interaction-intake.ts';
import { createInteractionRouter } from './interactions/route-interaction.ts';
import { catchUpMissedMessagesOnReady } from './messages/catch-up-missed-messages.ts';
import { createThreadMessageForwarder } from './messages/thread-message-forwarder.ts';
import { GATEWAY_INTENTS } from './permissions.ts';
import { logFailure } from './replies.ts';

/**
 * Where discord.js sends REST calls: Discord unless DISCORD_API_BASE_URL names another server (the local
 * Discord), given like the worker's, with or without `/v10`. The gateway URL then comes from that server.
 */
export function botClientOptions(apiBaseUrl: string | undefined): Partial<ClientOptions> {
  if (!apiBaseUrl) return {};
  const api = discordApiRoot(apiBaseUrl);
  return { rest: { api, cdn: api.replace(/\/api$/, '/cdn') } };
}

/** discord.js's client that first ends the bot's background work, so nothing is left calling Temporal. */
class TicketBotClient extends Client {
  readonly #background: BackgroundTasks;

  constructor(options: ClientOptions, background: BackgroundTasks) {
    super(options);
    this.#background = background;
  }

  override async destroy(): Promise<void> {
    await this.#background.stop();
    await super.destroy();
  }
}

/**
 * The gateway bot, wired but not logged in: call `login(token)`. Its intents are GATEWAY_INTENTS
 * (bot/permissions.ts); partial messages let edits and deletes of messages sent before the bot started still reach
 * their ticket. Interactions enter through `intake`, which bot/main.ts keeps to count them and to close at shutdown.
 */
export function createTicketBot(
  services: BotServices,
  options: Partial<ClientOptions> = {},
  intake: InteractionIntake = createInteractionIntake(),
): Client {
  const background = new BackgroundTasks();
  const context: BotContext = {
    ...services,
    background,
    guildConfigSaved: guildConfigSavedBy({ ...services, background }),
  };
  const client = new TicketBotClient(
    { intents: [...GATEWAY_INTENTS], partials: [Partials.Message], ...options },
    background,
  );
  const routeInteraction = createInteractionRouter(
    {
      ...componentHandlers,
      commands: slashCommands,
      buttons: [...componentHandlers.buttons, ...commandButtons],
    },
    context,
  );
  const messages = createThreadMessageForwarder(context);

  client.on(Events.InteractionCreate, (interaction) => void intake.take(interaction, routeInteraction));
  client.on(Events.MessageCreate, (message) => messages.messageCreated(message));
  client.on(Events.MessageUpdate, (_old, message) => messages.messageUpdated(message));
  client.on(Events.MessageDelete, (message) => messages.messageDeleted(message));
  client.on(Events.MessageBulkDelete, (deleted) => {
    for (const message of deleted.values()) messages.messageDeleted(message);
  });
  catchUpMissedMessagesOnReady(client, context, messages);
  tellTicketsOfPermissionChanges(client, context);

  // A guild seen on start or joined: its commands, and a log line for each thing the bot lacks there.
  const guildSeen = (guild: Guild) =>
    void registerGuildTicketCommands(guild)
      .catch((error: unknown) =>
        logFailure(`could not register /ticket and /ticket-config in guild ${guild.id}`, error),
      )
      .then(() => context.guildConfigs.loadGuildConfig(guild.id))
      .then((config) => logMissingGuildCapabilities(guild, config))
      .catch((error: unknown) => logFailure(`could not check what the bot may do in guild ${guild.id}`, error));
  client.once(Events.ClientReady, (ready) => {
    void logMissingIntents(ready).catch((error: unknown) => logFailure('could not check the intents', error));
    for (const guild of ready.guilds.cache.values()) guildSeen(guild);
  });
  client.on(Events.GuildCreate, guildSeen);
  client.on(Events.Error, (error) => logFailure('gateway client error', error));
  return client;
}
