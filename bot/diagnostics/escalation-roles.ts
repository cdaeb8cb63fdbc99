import { DEFAULT_LOCALE } from '../../i18n/locales.ts';
import { type Translate, translator } from '../../i18n/translate.ts';
import { canMentionRole, MENTION_ALL_ROLES } from '../permissions.ts';
import type { CapabilityFacts, Naming } from './missing-capabilities.ts';

/**
 * The SLA escalation roles (the guild's and its types' own) the bot cannot ping on a missed target: deleted, or
 * not mentionable while the bot lacks Mention All Roles where tickets live. The breach notice is posted either way;
 * these lines say who would not hear of it.
 */
export function unpingableEscalationRoles(
  facts: CapabilityFacts,
  naming: Naming,
  t: Translate = translator(DEFAULT_LOCALE),
): string[] {
  const ticketChannel = facts.channels.find((channel) => channel.purpose === 'ticket');
  const granted = ticketChannel?.granted ?? 0n;
  const where = ticketChannel ? naming.channel(ticketChannel.id, ticketChannel.name) : t('sla.escalationTicketChannel');
  return (facts.escalationRoles ?? []).flatMap((role) => {
    const named = naming.role(role.id, role.name);
    if (role.name === null) return [t('sla.escalationRoleGone', { role: named })];
    if (canMentionRole(role, granted)) return [];
    return [t('sla.escalationRoleUnpingable', { permission: t(MENTION_ALL_ROLES.label), channel: where, role: named })];
  });
}
