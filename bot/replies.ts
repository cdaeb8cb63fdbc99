import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Translate } from '../i18n/translate.ts';
import { log } from '../telemetry/log-context.ts';
import { TicketRefusal } from '../temporal/ticket-updates.ts';
import { noteInteractionOutcome } from './interactions/interaction-outcome.ts';
import { interactionWords } from './interactions/interaction-words.ts';
import { ticketRefusalWords } from './tickets/ticket-refusal-words.ts';

/** A problem the member can act on; its message, already in the member's language, is shown to them as is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** A control or form whose custom id names no ticket any more (an old message), answered in the member's words. */
export class StaleControlError extends Error {
  override name = 'StaleControlError';
  readonly kind: 'control' | 'form';
  constructor(kind: 'control' | 'form') {
    super(`this ${kind} names no ticket any more`);
    this.kind = kind;
  }
}

/** Mentions in answers are shown, never pinged. */
export const NO_PINGS = { parse: [] };

/**
 * Answers only the member who acted, whatever was already sent: a deferred reply is edited (after a
 * component's deferUpdate, that is the ephemeral message the component sits on); after a reply, a follow-up.
 */
export async function replyEphemeral(interaction: RepliableInteraction, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply({ content, components: [], allowedMentions: NO_PINGS });
  } else if (interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  }
}

/** Acknowledges now, privately, so slow work after it cannot miss Discord's 3-second window. */
export async function deferEphemeral(interaction: RepliableInteraction): Promise<void> {
  if (!interaction.deferred && !interaction.replied) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
}

/**
 * Answers a failed action in plain words: a refusal or user-facing error with its own message; anything else
 * (Temporal or Postgres down, a bug) with a generic sentence, the details logged here and never shown. `t` is the
 * member's words when the handler has them; else their client's language or English, since reading the guild's
 * language may be what failed.
 */
export async function answerFailure(
  interaction: RepliableInteraction,
  error: unknown,
  t: Translate = interactionWords(interaction, null),
): Promise<void> {
  const known =
    error instanceof TicketRefusal || error instanceof UserFacingError || error instanceof StaleControlError;
  noteInteractionOutcome(known ? 'refused' : 'failed');
  if (!known) logFailure(`interaction ${interaction.id} failed`, error);
  try {
    // For failures before the bot asked the ticket anything (reading Postgres, say): nothing can have changed.
    const words =
      error instanceof TicketRefusal
        ? ticketRefusalWords(t, error)
        : error instanceof UserFacingError
          ? error.message
          : error instanceof StaleControlError
            ? t(error.kind === 'form' ? 'replies.stale.form' : 'replies.stale.control')
            : t('common.serviceTrouble');
    await replyEphemeral(interaction, words);
  } catch (replyError) {
    logFailure(`could not answer interaction ${interaction.id}`, replyError);
  }
}

/**
 * Server-side log of an unexpected failure: the error with its stack and fields, on a line that carries the
 * interaction's or ticket's ids when logged on its behalf, secrets (the interaction's token among them) removed.
 */
export function logFailure(what: string, error: unknown): void {
  log().error({ err: error }, what);
}
