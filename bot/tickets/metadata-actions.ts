import type { RepliableInteraction } from 'discord.js';
import type { GuildConfig } from '../../domain/guild-config.ts';
import type { Actor } from '../../domain/ticket.ts';
import { findLabel, isTicketPriority } from '../../domain/ticket-metadata.ts';
import { renamedThreadName, renameMaxLength } from '../../domain/ticket-naming.ts';
import { canManage } from '../../domain/ticket-permissions.ts';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
import type { TicketRef } from '../../store/find-ticket.ts';
import { TicketRefusal } from '../../temporal/ticket-updates.ts';
import { changeLabels, moveTicket, renameTicket, setPriority } from '../../workflows/ticket/metadata-definitions.ts';
import type { BotContext } from '../bot-context.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { UserFacingError } from '../replies.ts';
import { type AskTicket, actOnTicket } from './actions.ts';

type TicketInteraction = RepliableInteraction<'cached'>;

/** What one metadata change is given: how to ask the ticket, the member's words, who acts and the guild's settings. */
interface MetadataChange {
  ask: AskTicket;
  t: Translate;
  actor: Actor;
  ticket: TicketRef;
  guildConfig: () => Promise<GuildConfig | null>;
}

/**
 * A staff change to a ticket's priority, labels, name or type, run as every ticket action is (actions.ts). Non-staff
 * are refused before the ticket is asked; the ticket's own refusals of this kind are answered in the member's words.
 */
function metadataAction<Value>(
  staffOnly: MessageKey,
  change: (on: MetadataChange, value: Value) => Promise<string>,
): (interaction: TicketInteraction, ticket: TicketRef, value: Value, context: BotContext) => Promise<void> {
  return (interaction, ticket, value, context) => {
    const guildConfig = () => readInTime(context.guildConfigs.loadGuildConfig(interaction.guildId));
    return actOnTicket(interaction, context, ticket, {
      allow: (actor, t) => {
        if (!canManage(actor)) throw new UserFacingError(t(staffOnly));
      },
      attempt: 'change',
      pending: (t) => t('replies.requestQueued'),
      run: async (actor, ask, t) => {
        try {
          return await change({ ask, t, actor, ticket, guildConfig }, value);
        } catch (error) {
          throw inWords(t, ticket, error);
        }
      },
    });
  };
}

/** The ticket's refusals of a metadata change, in the member's language; any other error as it is. */
function inWords(t: Translate, ticket: TicketRef, error: unknown): unknown {
  if (!(error instanceof TicketRefusal)) return error;
  const [details] = error.details as { retryAfterMs?: number }[];
  switch (error.type) {
    case 'NameTooLong':
      return new UserFacingError(t('ticket-metadata.refusal.nameTooLong', { max: renameMaxLength(ticket.number) }));
    case 'RenameRateLimited':
      return new UserFacingError(
        t('ticket-metadata.refusal.renameRateLimited', {
          minutes: Math.max(1, Math.ceil((details?.retryAfterMs ?? 600_000) / 60_000)),
        }),
      );
    default:
      return error;
  }
}

/** The level as the command sent it: Discord offers only the choices, but an outdated client could send another. */
export const setPriorityAs = metadataAction<string>(
  'ticket-metadata.refusal.staffOnlyPriority',
  async ({ ask, t, actor, ticket }, priority) => {
    if (!isTicketPriority(priority)) {
      throw new UserFacingError(t('ticket-metadata.refusal.unknownPriority', { priority }));
    }
    await ask(setPriority, { actor, priority });
    return t('ticket-metadata.reply.prioritySet', {
      number: ticket.number,
      priority: t(`ticket-metadata.priority.${priority}`),
    });
  },
);

/** The label is checked against the server's list first, for an answer that names the labels there are. */
export const changeLabelsAs = metadataAction<{ add: string[]; remove: string[] }>(
  'ticket-metadata.refusal.staffOnlyLabels',
  async ({ ask, t, actor, ticket, guildConfig }, change) => {
    const guildLabels = ((await guildConfig())?.labels ?? []).map((label) => label.name);
    const unknown = change.add.find((label) => findLabel(guildLabels, label) === undefined);
    if (unknown !== undefined) {
      throw new UserFacingError(
        guildLabels.length === 0
          ? t('ticket-metadata.refusal.noLabels')
          : t('ticket-metadata.refusal.unknownLabel', { label: unknown.trim(), labels: guildLabels.join(', ') }),
      );
    }
    const view = await ask(changeLabels, { actor, ...change });
    const labels = view.labels ?? [];
    return t('ticket-metadata.reply.labels', {
      number: ticket.number,
      labels: labels.length > 0 ? labels.join(', ') : t('ticket-metadata.summary.noLabels'),
    });
  },
);

export const renameTicketAs = metadataAction<string>(
  'ticket-metadata.refusal.staffOnlyRename',
  async ({ ask, t, actor, ticket }, name) => {
    if (name.trim() === '') throw new UserFacingError(t('ticket-metadata.refusal.emptyName'));
    const threadName = renamedThreadName(ticket.number, name);
    if (threadName === null) {
      throw new UserFacingError(t('ticket-metadata.refusal.nameTooLong', { max: renameMaxLength(ticket.number) }));
    }
    await ask(renameTicket, { actor, name });
    return t('ticket-metadata.reply.renamed', { number: ticket.number, name: threadName });
  },
);

/** The type is checked against the server's types first, for an answer that names the types there are. */
export const moveTicketAs = metadataAction<string>(
  'ticket-metadata.refusal.staffOnlyMove',
  async ({ ask, t, actor, ticket, guildConfig }, typeKey) => {
    const types = (await guildConfig())?.ticketTypes ?? [];
    const target = types.find((type) => type.key === typeKey.trim().toLowerCase());
    if (!target) {
      throw new UserFacingError(
        t('ticket-metadata.refusal.unknownType', { type: typeKey, types: types.map((type) => type.key).join(', ') }),
      );
    }
    if (target.key === ticket.typeKey) {
      throw new UserFacingError(t('ticket-metadata.refusal.sameType', { number: ticket.number, type: target.name }));
    }
    await ask(moveTicket, { actor, typeKey: target.key });
    return t('ticket-metadata.reply.moved', { number: ticket.number, type: target.name });
  },
);
