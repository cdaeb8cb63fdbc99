import { SlashCommandSubcommandBuilder, SlashCommandSubcommandGroupBuilder } from 'discord.js';
import { GUILD_CONFIG_LIMITS } from '../../domain/guild-config.ts';
import { type CommandTextKey, localizedCommandText } from '../../i18n/discord-localizations.ts';
import { priorityChoices } from './priority-choices.ts';
import { withTicketOption } from './ticket-subcommands.ts';

/** A subcommand named and described in every language from `<prefix>.name` and `<prefix>.description`. */
const subcommand = (prefix: CommandTextKey) => localizedCommandText(new SlashCommandSubcommandBuilder(), prefix);

export const prioritySubcommandData = withTicketOption(
  subcommand('ticket-metadata.command.priority').addStringOption((option) =>
    localizedCommandText(option, 'ticket-metadata.command.priority.level')
      .setRequired(true)
      .addChoices(priorityChoices),
  ),
);

/**
 * `label` is typed, not chosen: `/ticket` is registered again only when the guild's types change, and the bot
 * answers a label that is not on the server's list by naming the ones that are.
 */
function labelSubcommandData(prefix: CommandTextKey): SlashCommandSubcommandBuilder {
  return withTicketOption(
    subcommand(prefix).addStringOption((option) =>
      localizedCommandText(option, 'ticket-metadata.command.label.label')
        .setRequired(true)
        .setMaxLength(GUILD_CONFIG_LIMITS.labelNameLength),
    ),
  );
}

export const labelSubcommandGroupData = localizedCommandText(
  new SlashCommandSubcommandGroupBuilder(),
  'ticket-metadata.command.label',
)
  .addSubcommand(labelSubcommandData('ticket-metadata.command.label.add'))
  .addSubcommand(labelSubcommandData('ticket-metadata.command.label.remove'));

/** Up to Discord's 100: what fits after the `0042-` the thread keeps is checked by the bot, which names the limit. */
export const renameSubcommandData = withTicketOption(
  subcommand('ticket-metadata.command.rename').addStringOption((option) =>
    localizedCommandText(option, 'ticket-metadata.command.rename.name-option').setRequired(true).setMaxLength(100),
  ),
);

export const moveSubcommandData = withTicketOption(
  subcommand('ticket-metadata.command.move').addStringOption((option) =>
    localizedCommandText(option, 'ticket-metadata.command.move.type')
      .setRequired(true)
      .setMaxLength(32)
      .setAutocomplete(true),
  ),
);

const labelNameOption = (command: SlashCommandSubcommandBuilder) =>
  command.addStringOption((option) =>
    localizedCommandText(option, 'ticket-metadata.command.label-config.name')
      .setRequired(true)
      .setMaxLength(GUILD_CONFIG_LIMITS.labelNameLength),
  );

export const labelAddConfigSubcommandData = labelNameOption(subcommand('ticket-metadata.command.label-config.add'))
  .addStringOption((option) =>
    localizedCommandText(option, 'ticket-metadata.command.label-config.color').setMaxLength(7),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'ticket-metadata.command.label-config.emoji').setMaxLength(
      GUILD_CONFIG_LIMITS.labelEmojiLength,
    ),
  );

export const labelRemoveConfigSubcommandData = labelNameOption(
  subcommand('ticket-metadata.command.label-config.remove'),
);
