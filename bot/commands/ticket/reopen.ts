import { reopenSubcommandData } from '../../../discord/ticket-command/reopen-subcommand.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { deferEphemeral } from '../../replies.ts';
import { reopenTicketAs } from '../../tickets/reopen-ticket.ts';
import { resolveTicket } from '../../tickets/resolve-ticket.ts';

export const reopenSubcommand: TicketSubcommand = {
  data: reopenSubcommandData,
  async execute(interaction, context) {
    await deferEphemeral(interaction);
    const ticket = await resolveTicket(interaction, context, interaction.options.getInteger('ticket'));
    await reopenTicketAs(interaction, ticket, context);
  },
};
