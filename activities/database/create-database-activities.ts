import type { TicketActivities } from '../../domain/ticket.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { claimStaffNotice } from './claim-staff-notice.ts';
import { loadFollowedSettings } from './load-followed-settings.ts';
import { loadGuildLabels, loadTicketTypeSettings } from './load-ticket-metadata-options.ts';
import { recordTicketChange } from './record-ticket-change.ts';
import { type OpenGate, registerTicket } from './register-ticket.ts';
import { routeTicket } from './route-ticket.ts';
import { storeMessages } from './store-messages.ts';

/** The members of TicketActivities that write Postgres. */
export type DatabaseActivities = Pick<
  TicketActivities,
  | 'registerTicket'
  | 'recordTicketChange'
  | 'storeMessages'
  | 'loadFollowedSettings'
  | 'loadGuildLabels'
  | 'loadTicketTypeSettings'
  | 'routeTicket'
  | 'claimStaffNotice'
>;

export function createDatabaseActivities(prisma: PrismaClient, gate: OpenGate): DatabaseActivities {
  return {
    registerTicket: (input) => registerTicket(prisma, gate, input),
    recordTicketChange: (input) => recordTicketChange(prisma, input),
    storeMessages: (input) => storeMessages(prisma, input),
    loadFollowedSettings: (input) => loadFollowedSettings(prisma, input),
    loadGuildLabels: (input) => loadGuildLabels(prisma, input),
    loadTicketTypeSettings: (input) => loadTicketTypeSettings(prisma, input),
    routeTicket: (input) => routeTicket(prisma, input),
    claimStaffNotice: (input) => claimStaffNotice(prisma, input),
  };
}
