import type {
  ChatInputCommandInteraction,
  InteractionEditReplyOptions,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { BotContext } from '../../../bot-context.ts';

/**
 * One `/ticket config <name>`: its definition, and what it answers. The group has already acknowledged the
 * interaction and checked Manage Guild; a thrown UserFacingError is answered for it.
 */
export interface ConfigSubcommand {
  data: SlashCommandSubcommandBuilder;
  answer(
    interaction: ChatInputCommandInteraction<'cached'>,
    context: BotContext,
  ): Promise<string | InteractionEditReplyOptions>;
}
