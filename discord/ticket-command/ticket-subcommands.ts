import { ChannelType, SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketType } from '../../domain/guild-config.ts';
import { CLOSE_REASON_MAX } from '../../workflows/ticket-validators.ts';

/** The optional `ticket` number of the ticket actions: without it, the action is about the thread it is run in. */
function withTicketOption(subcommand: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return subcommand.addIntegerOption((option) =>
    option.setName('ticket').setDescription('Ticket number; leave empty inside a ticket thread').setMinValue(1),
  );
}

/**
 * `/ticket open type:`, with the guild's types as choices: guild commands are registered per guild, and again
 * whenever its types change. The bot still checks the value against the configuration (a type may be removed while
 * a member has the old list open).
 */
export function openSubcommandData(types: readonly Pick<TicketType, 'key' | 'name'>[]): SlashCommandSubcommandBuilder {
  return new SlashCommandSubcommandBuilder()
    .setName('open')
    .setDescription('Open a ticket: a private thread with staff')
    .addStringOption((option) =>
      option
        .setName('type')
        .setDescription('What the ticket is about')
        .setRequired(true)
        .setMaxLength(32)
        .addChoices(types.map((type) => ({ name: type.name.slice(0, 100), value: type.key }))),
    );
}

export const closeSubcommandData = withTicketOption(
  new SlashCommandSubcommandBuilder()
    .setName('close')
    .setDescription('Close a ticket (the member who opened it, or staff)')
    .addStringOption((option) =>
      option.setName('reason').setDescription('Why it is closed; shown in the summary').setMaxLength(CLOSE_REASON_MAX),
    ),
);

export const listSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('list')
  .setDescription('Open tickets: all of them for staff, your own for members')
  .addIntegerOption((option) =>
    option.setName('page').setDescription('Page to show (10 tickets a page)').setMinValue(1),
  );

export const assignSubcommandData = withTicketOption(
  new SlashCommandSubcommandBuilder()
    .setName('assign')
    .setDescription('Assign a ticket to a staff member (staff only)')
    .addUserOption((option) => option.setName('member').setDescription('Who takes the ticket').setRequired(true)),
);

export const unassignSubcommandData = withTicketOption(
  new SlashCommandSubcommandBuilder()
    .setName('unassign')
    .setDescription('Remove the assignee of a ticket (staff only)'),
);

export const addUserSubcommandData = withTicketOption(
  new SlashCommandSubcommandBuilder()
    .setName('add-user')
    .setDescription("Add a member to a ticket's private thread (staff only)")
    .addUserOption((option) => option.setName('member').setDescription('Who joins the ticket').setRequired(true)),
);

/** `/ticket pause`, `resume` and `timer-off`: the same action on the ticket's inactivity timer. */
function timerSubcommandData(name: string, description: string): SlashCommandSubcommandBuilder {
  return withTicketOption(new SlashCommandSubcommandBuilder().setName(name).setDescription(description));
}

export const pauseSubcommandData = timerSubcommandData('pause', "Pause a ticket's inactivity auto-close (staff only)");
export const resumeSubcommandData = timerSubcommandData(
  'resume',
  "Resume a ticket's inactivity auto-close (staff only)",
);
export const timerOffSubcommandData = timerSubcommandData(
  'timer-off',
  'Never auto-close this ticket for inactivity (staff only)',
);

export const panelSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('panel')
  .setDescription('Post the Open-ticket message in a channel (staff only)')
  .addChannelOption((option) =>
    option
      .setName('channel')
      .setDescription('Where members will open tickets')
      .addChannelTypes(ChannelType.GuildText)
      .setRequired(true),
  );
