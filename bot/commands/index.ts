import {
  SlashCommandBuilder,
  SlashCommandSubcommandGroupBuilder,
  type SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { TicketType } from '../../domain/guild-config.ts';
import type { ButtonHandler, TicketSubcommand } from '../interactions/handler-types.ts';
import { addUserSubcommand } from './ticket/add-user.ts';
import { assignSubcommand } from './ticket/assign.ts';
import { closeSubcommand } from './ticket/close.ts';
import { configSubcommandGroup } from './ticket/config/config-group.ts';
import { listSubcommand } from './ticket/list.ts';
import { listPageButton } from './ticket/list-page-button.ts';
import { openSubcommand, openSubcommandData } from './ticket/open.ts';
import { panelSubcommand } from './ticket/panel.ts';
import { pauseSubcommand, resumeSubcommand, timerOffSubcommand } from './ticket/timer.ts';
import { unassignSubcommand } from './ticket/unassign.ts';

const TICKET_SUBCOMMANDS: TicketSubcommand[] = [
  openSubcommand,
  closeSubcommand,
  listSubcommand,
  assignSubcommand,
  unassignSubcommand,
  addUserSubcommand,
  pauseSubcommand,
  resumeSubcommand,
  timerOffSubcommand,
  panelSubcommand,
  configSubcommandGroup,
];

/** `/ticket` as one guild registers it: `open` offers that guild's ticket types. */
export function ticketCommandData(
  types: readonly Pick<TicketType, 'key' | 'name'>[] = [],
): SlashCommandSubcommandsOnlyBuilder {
  return TICKET_SUBCOMMANDS.reduce<SlashCommandSubcommandsOnlyBuilder>(
    (command, { data }) =>
      data instanceof SlashCommandSubcommandGroupBuilder
        ? command.addSubcommandGroup(data)
        : command.addSubcommand(data === openSubcommand.data ? openSubcommandData(types) : data),
    new SlashCommandBuilder().setName('ticket').setDescription('Support tickets: open, handle and configure them'),
  );
}

/**
 * `/ticket`, one guild command: registered per guild, and routed by the name of its subcommand or
 * subcommand group (`config`) to the handler of the same name.
 */
export const ticketCommand = {
  data: ticketCommandData(),
  subcommands: TICKET_SUBCOMMANDS,
};

/** Component handlers that belong to the commands, for the router's prefix map. */
export const commandButtons: ButtonHandler[] = [listPageButton];
