import { ticketCommandData } from '../../discord/ticket-command/ticket-command-data.ts';
import { ticketConfigCommandData } from '../../discord/ticket-command/ticket-config-command-data.ts';
import type { ButtonHandler, TicketSubcommand } from '../interactions/handler-types.ts';
import type { SlashCommandHandlers } from '../interactions/route-interaction.ts';
import { addRoleSubcommand } from './ticket/add-role.ts';
import { addUserSubcommand } from './ticket/add-user.ts';
import { assignSubcommand } from './ticket/assign.ts';
import { awaySubcommand } from './ticket/away.ts';
import { closeSubcommand } from './ticket/close.ts';
import { closeRequestSubcommand } from './ticket/close-request.ts';
import { ticketConfigEntries } from './ticket/config/ticket-config-command.ts';
import { labelSubcommandGroup } from './ticket/label.ts';
import { listSubcommand } from './ticket/list.ts';
import { listPageButton } from './ticket/list-page-button.ts';
import { moveSubcommand } from './ticket/move.ts';
import { openSubcommand } from './ticket/open.ts';
import { panelSubcommand } from './ticket/panel.ts';
import { prioritySubcommand } from './ticket/priority.ts';
import { removeUserSubcommand } from './ticket/remove-user.ts';
import { renameSubcommand } from './ticket/rename.ts';
import { reopenSubcommand } from './ticket/reopen.ts';
import { pauseSubcommand, resumeSubcommand, timerOffSubcommand } from './ticket/timer.ts';
import { unassignSubcommand } from './ticket/unassign.ts';

/**
 * `/ticket`, a guild command: registered per guild (discord/ticket-command/, shared with the web process), and
 * routed by the name of its subcommand or subcommand group to the handler of the same name.
 */
export const ticketCommand = {
  data: ticketCommandData(),
  subcommands: [
    openSubcommand,
    closeSubcommand,
    closeRequestSubcommand,
    listSubcommand,
    assignSubcommand,
    unassignSubcommand,
    addUserSubcommand,
    removeUserSubcommand,
    addRoleSubcommand,
    awaySubcommand,
    pauseSubcommand,
    resumeSubcommand,
    timerOffSubcommand,
    panelSubcommand,
    prioritySubcommand,
    labelSubcommandGroup,
    renameSubcommand,
    moveSubcommand,
    reopenSubcommand,
  ] satisfies TicketSubcommand[] as TicketSubcommand[],
};

/** `/ticket-config`, the guild's ticket settings, routed the same way. */
export const ticketConfigCommand = {
  data: ticketConfigCommandData(),
  subcommands: ticketConfigEntries,
};

/** Every slash command the bot answers. */
export const slashCommands: SlashCommandHandlers[] = [
  { name: ticketCommand.data.name, subcommands: ticketCommand.subcommands },
  { name: ticketConfigCommand.data.name, subcommands: ticketConfigCommand.subcommands },
];

/** Component handlers that belong to the commands, for the router's prefix map. */
export const commandButtons: ButtonHandler[] = [listPageButton];
