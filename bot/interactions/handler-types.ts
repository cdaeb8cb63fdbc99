import type {
  AnySelectMenuInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  SlashCommandSubcommandBuilder,
  SlashCommandSubcommandGroupBuilder,
} from 'discord.js';
import type { CustomIdPrefix } from '../../domain/custom-ids.ts';
import type { BotContext } from '../bot-context.ts';

/**
 * One subcommand (or subcommand group) of a slash command, `/ticket <name>` or `/ticket-config <name>`: its
 * definition, its handler, and for options offered by autocomplete the handler of their suggestions.
 */
export interface TicketSubcommand {
  data: SlashCommandSubcommandBuilder | SlashCommandSubcommandGroupBuilder;
  execute(interaction: ChatInputCommandInteraction<'cached'>, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction<'cached'>, context: BotContext): Promise<void>;
}

/**
 * Handlers for components and modals are found by the prefix of their custom id (domain/custom-ids.ts):
 * `<prefix>:<compact id>`, never JSON, so ids stay far below Discord's 100 characters. `id` is what follows the colon.
 */
export interface ButtonHandler {
  prefix: CustomIdPrefix;
  execute(interaction: ButtonInteraction<'cached'>, id: string, context: BotContext): Promise<void>;
}

export interface SelectMenuHandler {
  prefix: CustomIdPrefix;
  execute(interaction: AnySelectMenuInteraction<'cached'>, id: string, context: BotContext): Promise<void>;
}

/**
 * A button or modal that also works in a direct message, where no guild comes with the interaction (the creator's
 * rating): its custom id names the guild itself, and it must not rely on a cached guild or member.
 */
export interface AnywhereButtonHandler {
  prefix: CustomIdPrefix;
  execute(interaction: ButtonInteraction, id: string, context: BotContext): Promise<void>;
}

export interface AnywhereModalHandler {
  prefix: CustomIdPrefix;
  execute(interaction: ModalSubmitInteraction, id: string, context: BotContext): Promise<void>;
}

export interface ModalHandler {
  prefix: CustomIdPrefix;
  execute(interaction: ModalSubmitInteraction<'cached'>, id: string, context: BotContext): Promise<void>;
}
