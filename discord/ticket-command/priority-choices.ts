import { TICKET_PRIORITIES } from '../../domain/ticket-metadata.ts';
import { localizedChoice } from '../../i18n/discord-localizations.ts';

/** The choices of `/ticket priority level:` and of `/ticket list priority:`, lowest first, named in every language. */
export const priorityChoices = TICKET_PRIORITIES.map((priority) =>
  localizedChoice(`ticket-metadata.priority.${priority}`, priority),
);
