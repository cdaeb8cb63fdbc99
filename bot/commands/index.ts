import { ticketCommandData } from '../../discord/ticket-command/ticket-command-data.ts';
import type { ButtonHandler, TicketSubcommand } from '../interactions/handler-types.ts';
import { addRoleSubcommand } from './ticket/add-role.ts';
import { addUserSubcommand } from './ticket/add-user.ts';
import { assignSubcommand } from './ticket/assign.ts';
import { awaySubcommand } from './ticket/away.ts';
import { closeSubcommand } from './ticket/close.ts';
import { closeRequestSubcommand } from './ticket/close-request.ts';
import { configSubcommandGroup } from './ticket/config/config-group.ts';
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
 * `/ticket`, one guild command: registered per guild (discord/ticket-command/, shared with the web process), and
 * routed by the name of its subcommand or subcommand group (`config`) to the handler of the same name.
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
    configSubcommandGroup,
    reopenSubcommand,
  ] satisfies TicketSubcommand[] as TicketSubcommand[],
};

/** Component handlers that belong to the commands, for the router's prefix map. */
export const commandButtons: ButtonHandler[] = [listPageButton];
