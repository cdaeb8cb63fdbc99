import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { changeTicketTimerAs, type TimerChange } from '../../tickets/actions.ts';
import { actOnTargetTicket, withTicketOption } from './ticket-target.ts';

/** `/ticket pause`, `resume` and `timer-off`: the same action on the ticket's inactivity timer. */
function timerSubcommand(name: string, change: TimerChange, description: string): TicketSubcommand {
  return {
    data: withTicketOption(new SlashCommandSubcommandBuilder().setName(name).setDescription(description)),
    execute: (interaction, context) =>
      actOnTargetTicket(interaction, context, (ticket) => changeTicketTimerAs(interaction, ticket, change, context)),
  };
}

export const pauseSubcommand = timerSubcommand('pause', 'pause', "Pause a ticket's inactivity auto-close (staff only)");
export const resumeSubcommand = timerSubcommand(
  'resume',
  'resume',
  "Resume a ticket's inactivity auto-close (staff only)",
);
export const timerOffSubcommand = timerSubcommand(
  'timer-off',
  'disable',
  'Never auto-close this ticket for inactivity (staff only)',
);
