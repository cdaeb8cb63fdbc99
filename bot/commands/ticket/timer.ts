import type { SlashCommandSubcommandBuilder } from 'discord.js';
import {
  pauseSubcommandData,
  resumeSubcommandData,
  timerOffSubcommandData,
} from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { askTimerOffReason } from '../../modals/disable-timer-reason-modal.ts';
import { changeTicketTimerAs, type TimerChange } from '../../tickets/actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/** `/ticket pause` and `resume`: the same action on the ticket's inactivity timer. */
function timerSubcommand(data: SlashCommandSubcommandBuilder, change: TimerChange): TicketSubcommand {
  return {
    data,
    execute: (interaction, context) =>
      actOnTargetTicket(interaction, context, (ticket) => changeTicketTimerAs(interaction, ticket, change, context)),
  };
}

export const pauseSubcommand = timerSubcommand(pauseSubcommandData, 'pause');
export const resumeSubcommand = timerSubcommand(resumeSubcommandData, 'resume');
/** `/ticket timer-off` asks for the reason in a modal first; its submit turns the timer off. */
export const timerOffSubcommand: TicketSubcommand = {
  data: timerOffSubcommandData,
  execute: (interaction, context) => askTimerOffReason(interaction, context, interaction.options.getInteger('ticket')),
};
