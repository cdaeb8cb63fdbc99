import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { unpingableEscalationRoles } from '../../../bot/diagnostics/escalation-roles.ts';
import {
  type CapabilityFacts,
  missingCapabilities,
  type Naming,
} from '../../../bot/diagnostics/missing-capabilities.ts';
import { translator } from '../../../i18n/translate.ts';

const naming: Naming = { channel: (id, name) => `#${name ?? id}`, role: (id, name) => `@${name ?? id}` };
const ticketChannel = (granted: bigint) => ({ purpose: 'ticket' as const, id: '1', name: 'tickets', granted });
const facts = (granted: bigint, escalationRoles: CapabilityFacts['escalationRoles']): CapabilityFacts => ({
  channels: [ticketChannel(granted)],
  roles: [],
  escalationRoles,
});
const escalation = { id: '9', name: 'Leads', mentionable: false };

describe('SLA escalation roles in the capability check', () => {
  it('says when the escalation role cannot be pinged, and that the breach is still posted', () => {
    expect(unpingableEscalationRoles(facts(0n, [escalation]), naming)).toEqual([
      'Missing: Mention All Roles in #tickets, or @Leads made mentionable — a missed SLA target is still posted in the ticket, but @Leads is not pinged',
    ]);
    // The same line is part of the whole check, behind /ticket-config show and the startup log.
    expect(missingCapabilities(facts(0n, [escalation]), naming)).toContain(
      unpingableEscalationRoles(facts(0n, [escalation]), naming)[0],
    );
  });

  it('finds nothing when the role is mentionable or the bot may mention every role', () => {
    expect(unpingableEscalationRoles(facts(0n, [{ ...escalation, mentionable: true }]), naming)).toEqual([]);
    expect(unpingableEscalationRoles(facts(PermissionFlagsBits.MentionEveryone, [escalation]), naming)).toEqual([]);
    expect(unpingableEscalationRoles(facts(0n, undefined), naming)).toEqual([]);
  });

  it('names a deleted escalation role and the command that replaces it, in the reader language, the permission as their Discord names it', () => {
    expect(unpingableEscalationRoles(facts(0n, [{ ...escalation, name: null }]), naming)).toEqual([
      'Missing: the escalation role @9, deleted — nobody is pinged when a ticket misses its SLA target; choose another with /ticket-config sla',
    ]);
    expect(unpingableEscalationRoles(facts(0n, [escalation]), naming, translator('de'))[0]).toMatch(
      /^Fehlt: Alle Rollen erwähnen in #tickets, oder @Leads erwähnbar machen/,
    );
  });
});
