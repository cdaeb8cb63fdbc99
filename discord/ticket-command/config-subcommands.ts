import { ChannelType, SlashCommandSubcommandBuilder, SlashCommandSubcommandGroupBuilder } from 'discord.js';
import { categoriesSubcommandData, typeModeSubcommandData } from './channel-mode-config-subcommands.ts';
import { slaSubcommandData, supportHoursSubcommandData } from './sla-config-subcommands.ts';

// The options' ranges are the schema's (domain/guild-config.ts), so Discord's client refuses what the save would.
const MAX_INACTIVITY_HOURS = 90 * 24;
const MAX_OPEN_LIMIT = 50;
const MAX_COOLDOWN_SECONDS = 7 * 24 * 3600;
/** A Discord modal holds at most 5 text inputs, and the questions are asked in one modal. */
export const MAX_QUESTIONS = 5;
const MAX_ANSWER_LENGTH = 4000;

export const showSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('show')
  .setDescription("Show this server's ticket settings");

export const ticketChannelSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('ticket-channel')
  .setDescription('Channel whose private threads hold the tickets; the first use sets tickets up')
  .addChannelOption((option) =>
    option.setName('channel').setDescription('A text channel').addChannelTypes(ChannelType.GuildText).setRequired(true),
  );

/** `histories-channel` and `reminders-channel`: a channel the bot posts to, or none when the option is left empty. */
function postingChannelSubcommandData(name: string, description: string): SlashCommandSubcommandBuilder {
  return new SlashCommandSubcommandBuilder()
    .setName(name)
    .setDescription(description)
    .addChannelOption((option) =>
      option
        .setName('channel')
        .setDescription('A text channel; leave empty for none')
        .addChannelTypes(ChannelType.GuildText),
    );
}

export const historiesChannelSubcommandData = postingChannelSubcommandData(
  'histories-channel',
  'Channel for the summary of each closed ticket (empty: none)',
);

export const remindersChannelSubcommandData = postingChannelSubcommandData(
  'reminders-channel',
  'Channel for reminders about tickets still open (empty: none)',
);

export const notificationRoleSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('notification-role')
  .setDescription('Role pinged when a ticket opens (empty: none)')
  .addRoleOption((option) => option.setName('role').setDescription('A role; leave empty for none'));

export const notificationsSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('notifications')
  .setDescription('Turn the ping of the notification role on or off')
  .addStringOption((option) =>
    option
      .setName('state')
      .setDescription('on or off')
      .setRequired(true)
      .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
  );

function roleSubcommandData(name: string, description: string): SlashCommandSubcommandBuilder {
  return new SlashCommandSubcommandBuilder()
    .setName(name)
    .setDescription(description)
    .addRoleOption((option) => option.setName('role').setDescription('A role of this server').setRequired(true));
}

export const staffRoleAddSubcommandData = roleSubcommandData(
  'staff-role-add',
  'Make a role staff: its members see and handle every ticket',
);
export const staffRoleRemoveSubcommandData = roleSubcommandData('staff-role-remove', 'Stop treating a role as staff');

export const inactivitySubcommandData = new SlashCommandSubcommandBuilder()
  .setName('inactivity')
  .setDescription('Hours without a message before a ticket is warned, then closed')
  .addIntegerOption((option) =>
    option
      .setName('hours')
      .setDescription(`1 to ${MAX_INACTIVITY_HOURS}`)
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(MAX_INACTIVITY_HOURS),
  );

export const openLimitSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('open-limit')
  .setDescription('How many open tickets one member may have (in all, or of one type)')
  .addIntegerOption((option) =>
    option
      .setName('count')
      .setDescription(`1 to ${MAX_OPEN_LIMIT}`)
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(MAX_OPEN_LIMIT),
  )
  .addStringOption((option) =>
    option
      .setName('type')
      .setDescription('A ticket type key; leave empty for the limit across all types')
      .setMaxLength(32),
  );

export const cooldownSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('cooldown')
  .setDescription('Seconds a member waits after opening a ticket before opening another')
  .addIntegerOption((option) =>
    option
      .setName('seconds')
      .setDescription(`0 (none) to ${MAX_COOLDOWN_SECONDS}`)
      .setRequired(true)
      .setMinValue(0)
      .setMaxValue(MAX_COOLDOWN_SECONDS),
  );

function memberSubcommandData(name: string, description: string): SlashCommandSubcommandBuilder {
  return new SlashCommandSubcommandBuilder()
    .setName(name)
    .setDescription(description)
    .addUserOption((option) => option.setName('member').setDescription('A member').setRequired(true));
}

export const blocklistAddSubcommandData = memberSubcommandData('blocklist-add', 'Stop a member from opening tickets');
export const blocklistRemoveSubcommandData = memberSubcommandData(
  'blocklist-remove',
  'Let a blocked member open tickets again',
);

export const typeAddSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('type-add')
  .setDescription('Add a ticket type (it starts with no questions)')
  .addStringOption((option) =>
    option
      .setName('key')
      .setDescription('Short id: lowercase letters, digits, dashes')
      .setRequired(true)
      .setMaxLength(32),
  )
  .addStringOption((option) =>
    option.setName('name').setDescription('Name members see on the panel').setRequired(true).setMaxLength(45),
  )
  .addStringOption((option) =>
    option.setName('description').setDescription('Shown under the name in the type menu').setMaxLength(100),
  );

export const typeRemoveSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('type-remove')
  .setDescription('Remove a ticket type; its open tickets stay open')
  .addStringOption((option) => option.setName('key').setDescription('The type key').setRequired(true).setMaxLength(32));

export const questionAddSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('question-add')
  .setDescription(`Add a question members answer when opening a ticket of a type (at most ${MAX_QUESTIONS})`)
  .addStringOption((option) => option.setName('type').setDescription('The type key').setRequired(true).setMaxLength(32))
  .addStringOption((option) =>
    option.setName('question').setDescription('The question, up to 45 characters').setRequired(true).setMaxLength(45),
  )
  .addStringOption((option) =>
    option
      .setName('style')
      .setDescription('One line, or a paragraph (default)')
      .addChoices({ name: 'short', value: 'short' }, { name: 'paragraph', value: 'paragraph' }),
  )
  .addBooleanOption((option) => option.setName('required').setDescription('Must it be answered? (default: yes)'))
  .addIntegerOption((option) =>
    option
      .setName('max-length')
      .setDescription(`Longest answer in characters (default 1000, at most ${MAX_ANSWER_LENGTH})`)
      .setMinValue(1)
      .setMaxValue(MAX_ANSWER_LENGTH),
  );

export const questionRemoveSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('question-remove')
  .setDescription('Remove a question of a ticket type')
  .addStringOption((option) => option.setName('type').setDescription('The type key').setRequired(true).setMaxLength(32))
  .addIntegerOption((option) =>
    option
      .setName('position')
      .setDescription('Its number, from 1, as /ticket config show lists it')
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(MAX_QUESTIONS),
  );

/** `/ticket config ...`, in the order Discord lists them. */
export const CONFIG_SUBCOMMANDS_DATA: readonly SlashCommandSubcommandBuilder[] = [
  showSubcommandData,
  ticketChannelSubcommandData,
  historiesChannelSubcommandData,
  remindersChannelSubcommandData,
  notificationRoleSubcommandData,
  notificationsSubcommandData,
  staffRoleAddSubcommandData,
  staffRoleRemoveSubcommandData,
  inactivitySubcommandData,
  openLimitSubcommandData,
  cooldownSubcommandData,
  blocklistAddSubcommandData,
  blocklistRemoveSubcommandData,
  typeAddSubcommandData,
  typeRemoveSubcommandData,
  questionAddSubcommandData,
  questionRemoveSubcommandData,
  supportHoursSubcommandData,
  slaSubcommandData,
  categoriesSubcommandData,
  typeModeSubcommandData,
];

/** A subcommand cannot carry its own default permissions, so the bot checks Manage Server on every use. */
export const configSubcommandGroupData = CONFIG_SUBCOMMANDS_DATA.reduce(
  (group, subcommand) => group.addSubcommand(subcommand),
  new SlashCommandSubcommandGroupBuilder().setName('config').setDescription('Ticket settings (Manage Server only)'),
);
