import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { splitCustomId } from '../../domain/custom-ids.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { BotContext } from '../bot-context.ts';
import { answerFailure, logFailure } from '../replies.ts';
import type {
  AnywhereButtonHandler,
  AnywhereModalHandler,
  ButtonHandler,
  ModalHandler,
  SelectMenuHandler,
  TicketSubcommand,
} from './handler-types.ts';
import { noteInteractionOutcome } from './interaction-outcome.ts';
import { memberWords } from './interaction-words.ts';
import { BEFORE_MODAL_READ_WITHIN_MS } from './read-in-time.ts';

export interface SlashCommandHandlers {
  name: string;
  subcommands: TicketSubcommand[];
}

export interface InteractionHandlers {
  /** The slash commands (`/ticket`, `/ticket-config`), each with its subcommands and groups, found by name. */
  commands: SlashCommandHandlers[];
  buttons: ButtonHandler[];
  menus: SelectMenuHandler[];
  modals: ModalHandler[];
  /** Handlers answered in direct messages too; tried before the guild-only ones. */
  anywhere?: { buttons: AnywhereButtonHandler[]; modals: AnywhereModalHandler[] };
}

/**
 * The one router: a slash command goes to its subcommand (group) by name, a component or modal to the
 * handler of its custom id's prefix. Whatever a handler throws is answered privately in plain words.
 */
export function createInteractionRouter(
  handlers: InteractionHandlers,
  context: BotContext,
): (interaction: Interaction) => Promise<void> {
  const byPrefix = <H extends { prefix: string }>(list: H[]) =>
    new Map(list.map((handler) => [handler.prefix, handler]));
  const commands = new Map(
    handlers.commands.map((command) => [
      command.name,
      new Map(command.subcommands.map((subcommand) => [subcommand.data.name, subcommand])),
    ]),
  );
  /** The subcommand (or group) an interaction of a slash command names, if the bot knows it. */
  const subcommandOf = (interaction: ChatInputCommandInteraction | AutocompleteInteraction) => {
    const name = interaction.options.getSubcommandGroup(false) ?? interaction.options.getSubcommand(false);
    return name ? commands.get(interaction.commandName)?.get(name) : undefined;
  };
  const buttons = byPrefix(handlers.buttons);
  const menus = byPrefix(handlers.menus);
  const modals = byPrefix(handlers.modals);
  const anywhereButtons = byPrefix(handlers.anywhere?.buttons ?? []);
  const anywhereModals = byPrefix(handlers.anywhere?.modals ?? []);

  return async (interaction) => {
    if (interaction.isAutocomplete()) {
      const subcommand = interaction.inCachedGuild() ? subcommandOf(interaction) : undefined;
      // Suggestions are no answer: whatever goes wrong, the member sees none and may still type a value.
      const suggest =
        subcommand?.autocomplete && interaction.inCachedGuild()
          ? subcommand.autocomplete(interaction, context)
          : interaction.respond([]);
      await suggest.catch((error: unknown) => logFailure('autocomplete answer failed', error));
      return;
    }
    if (!interaction.isRepliable()) return;
    try {
      const parts = 'customId' in interaction ? splitCustomId(interaction.customId) : null;
      const anywhereButton = parts && interaction.isButton() ? anywhereButtons.get(parts.prefix) : undefined;
      if (anywhereButton && parts && interaction.isButton()) {
        return await anywhereButton.execute(interaction, parts.id, context);
      }
      const anywhereModal = parts && interaction.isModalSubmit() ? anywhereModals.get(parts.prefix) : undefined;
      if (anywhereModal && parts && interaction.isModalSubmit()) {
        return await anywhereModal.execute(interaction, parts.id, context);
      }
      if (!interaction.inCachedGuild()) {
        await answerUnknown(interaction, context, 'replies.unknown.outsideServer');
        return;
      }
      if (interaction.isChatInputCommand()) {
        const subcommand = subcommandOf(interaction);
        if (!subcommand) return await answerUnknown(interaction, context, 'replies.unknown.command');
        return await subcommand.execute(interaction, context);
      }
      if (interaction.isButton()) {
        const handler = parts && buttons.get(parts.prefix);
        if (!handler || !parts) return await answerUnknown(interaction, context, 'replies.unknown.button');
        return await handler.execute(interaction, parts.id, context);
      }
      if (interaction.isAnySelectMenu()) {
        const handler = parts && menus.get(parts.prefix);
        if (!handler || !parts) return await answerUnknown(interaction, context, 'replies.unknown.menu');
        return await handler.execute(interaction, parts.id, context);
      }
      if (interaction.isModalSubmit()) {
        const handler = parts && modals.get(parts.prefix);
        if (!handler || !parts) return await answerUnknown(interaction, context, 'replies.unknown.form');
        return await handler.execute(interaction, parts.id, context);
      }
      await answerUnknown(interaction, context, 'replies.unknown.other');
    } catch (error) {
      await answerFailure(interaction, error);
    }
  };
}

/** The first and only answer, so the guild's language is read under the short deadline a modal would have. */
async function answerUnknown(interaction: RepliableInteraction, context: BotContext, what: MessageKey): Promise<void> {
  noteInteractionOutcome('unknown');
  const t = await memberWords(interaction, context, interaction.guildId, BEFORE_MODAL_READ_WITHIN_MS);
  await interaction.reply({ content: t(what), flags: MessageFlags.Ephemeral });
}
