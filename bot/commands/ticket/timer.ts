import type { SlashCommandSubcommandBuilder } from 'discord.js';
import {
  pauseSubcommandData,
  resumeSubcommandData,
  timerOffSubcommandData,
} from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { changeTicketTimerAs, type TimerChange } from '../../tickets/actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/** `/ticket pause`, `resume` and `timer-off`: the same action on the ticket's inactivity timer. */
function timerSubcommand(data: SlashCommandSubcommandBuilder, change: TimerChange): TicketSubcommand {
  return {
    data,
    execute: (interaction, context) =>
      actOnTargetTicket(interaction, context, (ticket) => changeTicketTimerAs(interaction, ticket, change, context)),
  };
}

export const pauseSubcommand = timerSubcommand(pauseSubcommandData, 'pause');
export const resumeSubcommand = timerSubcommand(resumeSubcommandData, 'resume');
export const timerOffSubcommand = timerSubcommand(timerOffSubcommandData, 'disable');
