import type {
  ChatInputCommandInteraction,
  InteractionEditReplyOptions,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { Translate } from '../../../../i18n/translate.ts';
import type { BotContext } from '../../../bot-context.ts';

/**
 * One `/ticket-config [group] <name>`: its definition, and what it answers. The command has already acknowledged the
 * interaction and checked Manage Guild; a thrown UserFacingError is answered for it.
 */
export interface ConfigSubcommand {
  data: SlashCommandSubcommandBuilder;
  /** `t` speaks the member's language (their Discord's, else the guild's configured one). */
  answer(
    interaction: ChatInputCommandInteraction<'cached'>,
    context: BotContext,
    t: Translate,
  ): Promise<string | InteractionEditReplyOptions>;
}
