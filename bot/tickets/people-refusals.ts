import type { Translate } from '../../i18n/translate.ts';
import { TicketRefusal } from '../../temporal/ticket-updates.ts';
import { PeopleRefusal } from '../../workflows/ticket/people-rules.ts';
import { UserFacingError } from '../replies.ts';

/** What the people refusals name: the ticket, and the member or holder they are about. */
export interface RefusalSubject {
  number: number;
  memberId?: string;
}

/**
 * Runs a people update and words its refusals in the member's language (the workflow's own words are English); any
 * other failure passes through as it is.
 */
export async function inPeopleWords<T>(t: Translate, subject: RefusalSubject, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const words = error instanceof TicketRefusal ? wordsFor(error, t, subject) : null;
    if (words === null) throw error;
    throw new UserFacingError(words);
  }
}

function wordsFor(refusal: TicketRefusal, t: Translate, { number, memberId }: RefusalSubject): string | null {
  const member = memberId === undefined ? '' : `<@${memberId}>`;
  switch (refusal.type) {
    case PeopleRefusal.heldByAnother: {
      const holderId = (refusal.details[0] as { holderId?: unknown } | undefined)?.holderId;
      return t('people.heldByAnotherNow', { holder: typeof holderId === 'string' ? `<@${holderId}>` : '?', number });
    }
    case PeopleRefusal.assigneeNotStaff:
      return t('people.assigneeNotStaff', { member, number });
    case PeopleRefusal.creatorNotRemovable:
      return t('people.creatorNotRemovable', { number });
    case PeopleRefusal.assigneeNotRemovable:
      return t('people.assigneeNotRemovable', { member, number });
    case PeopleRefusal.everyoneRole:
      return t('people.everyoneRole');
    default:
      return null;
  }
}
