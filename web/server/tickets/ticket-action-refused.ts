import type { TicketRefusal } from '../../../temporal/ticket-updates.ts';
import { PeopleRefusal } from '../../../workflows/ticket/people-rules.ts';

/** The HTTP status and error code of each refusal type the ticket workflow answers with (workflows/ticket-*.ts). */
const WORKFLOW_REFUSALS: Record<string, { status: number; code: string }> = {
  Forbidden: { status: 403, code: 'forbidden' },
  InvalidRequest: { status: 400, code: 'invalid_request' },
  TicketClosed: { status: 409, code: 'ticket_closed' },
  TicketOpening: { status: 409, code: 'ticket_opening' },
  TicketNotOpened: { status: 409, code: 'ticket_not_opened' },
  /** The bot lacks a Discord permission: the guild's admins can grant it, and the message names it. */
  MissingPermission: { status: 409, code: 'missing_permission' },
  Unavailable: { status: 503, code: 'unavailable' },
};

/**
 * The people rules' refusals, in the panel's words: the workflow's own name the people as Discord mentions, which a
 * page shows as raw ids. `held_by_another` tells the page to offer a take-over.
 */
const PEOPLE_REFUSALS: Record<string, { status: number; code: string; message: string }> = {
  [PeopleRefusal.heldByAnother]: {
    status: 409,
    code: 'held_by_another',
    message: 'Someone else holds this ticket now. Take it over to change it; nothing was changed.',
  },
  [PeopleRefusal.assigneeNotStaff]: {
    status: 400,
    code: 'assignee_not_staff',
    message: 'Only staff can be assigned a ticket, and this member is not staff of the server. Nothing was changed.',
  },
};

/**
 * A ticket action that did not happen, with the status and code the API answers and a message for the person who
 * asked, which says that nothing changed. The workflow's own refusals keep its words.
 */
export class TicketActionRefused extends Error {
  override name = 'TicketActionRefused';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** Not the guild's ticket, or one a member did not open: alike, so ticket numbers cannot be probed. */
  static notFound(): TicketActionRefused {
    return new TicketActionRefused(404, 'not_found', 'This ticket was not found.');
  }

  static fromWorkflow(refusal: TicketRefusal): TicketActionRefused {
    const people = PEOPLE_REFUSALS[refusal.type];
    if (people) return new TicketActionRefused(people.status, people.code, people.message);
    const known = WORKFLOW_REFUSALS[refusal.type] ?? { status: 409, code: 'refused' };
    return new TicketActionRefused(known.status, known.code, refusal.message);
  }

  /** The ticket's row says closed: answered from it, as the bot answers, without asking the ended workflow. */
  static closed(number: number, reason: string | null, closing: boolean): TicketActionRefused {
    const why = reason ? ` (reason: "${reason}")` : '';
    return closing
      ? new TicketActionRefused(
          409,
          'already_closed',
          `Ticket #${number} was already closed${why}. Nothing was changed.`,
        )
      : new TicketActionRefused(409, 'ticket_closed', `Ticket #${number} was closed${why}, so nothing was changed.`);
  }

  /** Its workflow ended without the row saying closed: for the operators to look at. */
  static ended(number: number): TicketActionRefused {
    return new TicketActionRefused(
      409,
      'ticket_ended',
      `Ticket #${number} has ended without being closed, so nothing was changed. Ask the operators to look at it.`,
    );
  }

  /** Discord did not say whether the member to assign is staff: nothing was sent to the ticket. */
  static staffUnknown(number: number, cause: unknown): TicketActionRefused {
    const refused = new TicketActionRefused(
      503,
      'unavailable',
      `Discord did not say just now whether that member is staff, so ticket #${number} was not changed. Try again in a minute.`,
    );
    refused.cause = cause;
    return refused;
  }

  /** Temporal did not answer in time, and the ticket never took the request. */
  static unreachable(number: number): TicketActionRefused {
    return new TicketActionRefused(
      503,
      'unavailable',
      `The ticket service is not answering just now, so ticket #${number} did not get your request. Try again in a minute.`,
    );
  }
}
