import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type GuildMember, type RepliableInteraction } from 'discord.js';
import { CUSTOM_ID_PREFIX, customId } from '../../domain/custom-ids.ts';
import { canManage } from '../../domain/ticket-permissions.ts';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
import type { TicketRef } from '../../store/find-ticket.ts';
import { addRole, removeMember } from '../../workflows/ticket/definitions.ts';
import type { BotContext } from '../bot-context.ts';
import { interactionWords } from '../interactions/interaction-words.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { isStaff } from '../permissions.ts';
import { answerFailure, deferEphemeral, NO_PINGS, UserFacingError } from '../replies.ts';
import { actOnTicket, assignTicketAs, type TicketAction } from './actions.ts';
import { inPeopleWords } from './people-refusals.ts';

type TicketInteraction = RepliableInteraction<'cached'>;

/**
 * Claims, assigns or releases (`assignee` null) a ticket; one that someone else holds is not taken silently: the
 * actor is asked privately, with a Take over button (take-over-button.ts), and nothing changes until they press it.
 * The row's assignee decides whether to ask; the ticket itself refuses a take-over the row did not show yet.
 * The assignee's staff status comes from their roles and permissions in the interaction (no request to Discord).
 */
export async function assignOrOfferTakeOver(
  interaction: TicketInteraction,
  ticket: TicketRef,
  context: BotContext,
  assignee: { id: string; member: GuildMember | null } | null,
): Promise<void> {
  try {
    await deferEphemeral(interaction);
    const config = await readInTime(context.guildConfigs.loadGuildConfig(interaction.guildId));
    const t = interactionWords(interaction, config?.language);
    const actorIsStaff = isStaff(interaction.member, config);
    const assigneeId = assignee?.id ?? null;
    const holderId = ticket.assigneeId;
    if (actorIsStaff && ticket.status !== 'closed') {
      if (holderId !== null && holderId !== interaction.user.id && holderId !== assigneeId) {
        await offerTakeOver(interaction, t, ticket, holderId, assignee === null ? null : { ...assignee, config });
        return;
      }
      if (assigneeId === null && holderId === null)
        throw new UserFacingError(t('people.notAssigned', { number: ticket.number }));
    }
    const assigneeIsStaff =
      assignee === null || assignee.id === interaction.user.id
        ? undefined
        : assignee.member !== null && isStaff(assignee.member, config);
    await assignTicketAs(interaction, ticket, assigneeId, context, { assigneeIsStaff });
  } catch (error) {
    await answerFailure(interaction, error);
  }
}

async function offerTakeOver(
  interaction: TicketInteraction,
  t: Translate,
  ticket: TicketRef,
  holderId: string,
  assignee: { id: string; member: GuildMember | null; config: Parameters<typeof isStaff>[1] } | null,
): Promise<void> {
  const assigneeIsStaff = assignee?.member ? isStaff(assignee.member, assignee.config) : false;
  const id = `${ticket.number}:${assignee?.id ?? '-'}:${assigneeIsStaff || assignee?.id === interaction.user.id ? 1 : 0}`;
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(customId(CUSTOM_ID_PREFIX.takeOver, id))
      .setStyle(ButtonStyle.Danger)
      .setLabel(t('people.takeOverButton')),
  );
  await interaction.editReply({
    content: t('people.heldByAnother', { holder: `<@${holderId}>`, number: ticket.number }),
    components: [row],
    allowedMentions: NO_PINGS,
  });
}

/** A staff action in the member's language: refused before the ticket is asked when the actor is not staff. */
function peopleAction(notStaff: MessageKey, run: TicketAction['run']): TicketAction {
  return {
    allow(actor, t) {
      if (!canManage(actor)) throw new UserFacingError(t(notStaff));
    },
    attempt: 'change',
    pending: (t) => t('replies.requestQueued'),
    run,
  };
}

export function removeTicketMemberAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  memberId: string,
  context: BotContext,
): Promise<void> {
  const subject = { number: ticket.number, memberId };
  return actOnTicket(
    interaction,
    context,
    ticket,
    peopleAction('people.onlyStaffRemove', async (actor, ask, t) => {
      await inPeopleWords(t, subject, () => ask(removeMember, { actor, memberId }));
      return t('people.memberRemoved', { member: `<@${memberId}>`, number: ticket.number });
    }),
  );
}

export function addTicketRoleAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  roleId: string,
  context: BotContext,
): Promise<void> {
  return actOnTicket(
    interaction,
    context,
    ticket,
    peopleAction('people.onlyStaffAddRole', async (actor, ask, t) => {
      const added = await inPeopleWords(t, { number: ticket.number }, () => ask(addRole, { actor, roleId }));
      const words = { role: `<@&${roleId}>`, number: ticket.number };
      return added.someMembersNotAdded ? t('people.rolePartlyAdded', words) : t('people.roleAdded', words);
    }),
  );
}
