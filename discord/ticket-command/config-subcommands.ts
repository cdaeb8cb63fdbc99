import { ChannelType, SlashCommandSubcommandBuilder } from 'discord.js';
import { type CommandTextKey, localizedChoice, localizedCommandText } from '../../i18n/discord-localizations.ts';
import { LANGUAGE_NAMES } from '../../i18n/language-names.ts';
import { SUPPORTED_LOCALES } from '../../i18n/locales.ts';
import type { MessageValues } from '../../i18n/translate.ts';

// The options' ranges are the schema's (domain/guild-config.ts), so Discord's client refuses what the save would.
const MAX_INACTIVITY_HOURS = 90 * 24;
const MAX_OPEN_LIMIT = 50;
const MAX_COOLDOWN_SECONDS = 7 * 24 * 3600;
/** A Discord modal holds at most 5 text inputs, and the questions are asked in one modal. */
export const MAX_QUESTIONS = 5;
const MAX_ANSWER_LENGTH = 4000;
const DEFAULT_ANSWER_LENGTH = 1000;
const MAX_QUESTION_LENGTH = 45;

/** A `/ticket-config` subcommand named and described in every language from `<prefix>.name` and `<prefix>.description`. */
function subcommand(prefix: CommandTextKey, values?: MessageValues): SlashCommandSubcommandBuilder {
  return localizedCommandText(new SlashCommandSubcommandBuilder(), prefix, values);
}

export const showSubcommandData = subcommand('commands.config.show');

export const ticketChannelSubcommandData = subcommand('commands.config.ticket-channel').addChannelOption((option) =>
  localizedCommandText(option, 'commands.config.ticket-channel.channel')
    .addChannelTypes(ChannelType.GuildText)
    .setRequired(true),
);

/** `histories-channel` and `reminders-channel`: a channel the bot posts to, or none when the option is left empty. */
function postingChannelSubcommandData(prefix: CommandTextKey): SlashCommandSubcommandBuilder {
  return subcommand(prefix).addChannelOption((option) =>
    localizedCommandText(option, 'commands.config.posting-channel').addChannelTypes(ChannelType.GuildText),
  );
}

export const historiesChannelSubcommandData = postingChannelSubcommandData('commands.config.histories-channel');
export const remindersChannelSubcommandData = postingChannelSubcommandData('commands.config.reminders-channel');

export const notificationRoleSubcommandData = subcommand('commands.config.notification-role').addRoleOption((option) =>
  localizedCommandText(option, 'commands.config.notification-role.role'),
);

export const notificationsSubcommandData = subcommand('commands.config.notifications').addStringOption((option) =>
  localizedCommandText(option, 'commands.config.notifications.state')
    .setRequired(true)
    .addChoices(
      localizedChoice('commands.config.notifications.on', 'on'),
      localizedChoice('commands.config.notifications.off', 'off'),
    ),
);

function roleSubcommandData(prefix: CommandTextKey): SlashCommandSubcommandBuilder {
  return subcommand(prefix).addRoleOption((option) =>
    localizedCommandText(option, 'commands.config.staff-role.role').setRequired(true),
  );
}

export const staffRoleAddSubcommandData = roleSubcommandData('commands.config.staff-role.add');
export const staffRoleRemoveSubcommandData = roleSubcommandData('commands.config.staff-role.remove');

export const inactivitySubcommandData = subcommand('commands.config.inactivity').addIntegerOption((option) =>
  localizedCommandText(option, 'commands.config.inactivity.hours', { max: MAX_INACTIVITY_HOURS })
    .setRequired(true)
    .setMinValue(1)
    .setMaxValue(MAX_INACTIVITY_HOURS),
);

export const openLimitSubcommandData = subcommand('commands.config.open-limit')
  .addIntegerOption((option) =>
    localizedCommandText(option, 'commands.config.open-limit.count', { max: MAX_OPEN_LIMIT })
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(MAX_OPEN_LIMIT),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.open-limit.type').setMaxLength(32).setAutocomplete(true),
  );

export const cooldownSubcommandData = subcommand('commands.config.cooldown').addIntegerOption((option) =>
  localizedCommandText(option, 'commands.config.cooldown.seconds', { max: MAX_COOLDOWN_SECONDS })
    .setRequired(true)
    .setMinValue(0)
    .setMaxValue(MAX_COOLDOWN_SECONDS),
);

function memberSubcommandData(prefix: CommandTextKey): SlashCommandSubcommandBuilder {
  return subcommand(prefix).addUserOption((option) =>
    localizedCommandText(option, 'commands.config.blocklist.member').setRequired(true),
  );
}

export const blocklistAddSubcommandData = memberSubcommandData('commands.config.blocklist.add');
export const blocklistRemoveSubcommandData = memberSubcommandData('commands.config.blocklist.remove');

export const typeAddSubcommandData = subcommand('commands.config.type.add')
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.type.add.key').setRequired(true).setMaxLength(32),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.type.add.type-name').setRequired(true).setMaxLength(45),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.type.add.type-description').setMaxLength(100),
  );

export const typeRemoveSubcommandData = subcommand('commands.config.type.remove').addStringOption((option) =>
  localizedCommandText(option, 'commands.config.type-key').setRequired(true).setMaxLength(32).setAutocomplete(true),
);

export const questionAddSubcommandData = subcommand('commands.config.question.add', { max: MAX_QUESTIONS })
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.type-option')
      .setRequired(true)
      .setMaxLength(32)
      .setAutocomplete(true),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.question.add.question', { max: MAX_QUESTION_LENGTH })
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.question.add.style').addChoices(
      localizedChoice('commands.config.question.add.style.short', 'short'),
      localizedChoice('commands.config.question.add.style.paragraph', 'paragraph'),
    ),
  )
  .addBooleanOption((option) => localizedCommandText(option, 'commands.config.question.add.required'))
  .addIntegerOption((option) =>
    localizedCommandText(option, 'commands.config.question.add.max-length', {
      default: DEFAULT_ANSWER_LENGTH,
      max: MAX_ANSWER_LENGTH,
    })
      .setMinValue(1)
      .setMaxValue(MAX_ANSWER_LENGTH),
  );

export const questionRemoveSubcommandData = subcommand('commands.config.question.remove')
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.type-option')
      .setRequired(true)
      .setMaxLength(32)
      .setAutocomplete(true),
  )
  .addIntegerOption((option) =>
    localizedCommandText(option, 'commands.config.question.remove.position')
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(MAX_QUESTIONS),
  );

/** The guild's language, each offered in its own words. */
export const languageSubcommandData = subcommand('commands.config.language').addStringOption((option) =>
  localizedCommandText(option, 'commands.config.language.language')
    .setRequired(true)
    .addChoices(SUPPORTED_LOCALES.map((locale) => ({ name: LANGUAGE_NAMES[locale], value: locale }))),
);
