import { ApplicationFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  type CapabilityFacts,
  type ConfiguredChannel,
  missingCapabilities,
  type Naming,
} from '../../../bot/diagnostics/missing-capabilities.ts';
import { CHANNEL_NEEDS } from '../../../bot/permissions.ts';
import { translate, translator } from '../../../i18n/translate.ts';

const naming: Naming = { channel: (id, name) => `#${name ?? id}`, role: (id, name) => `@${name ?? id}` };
const all = (purpose: ConfiguredChannel['purpose']) =>
  CHANNEL_NEEDS[purpose].reduce((bits, need) => bits | need.flag, 0n);
const tickets = (granted = all('ticket')): ConfiguredChannel => ({
  purpose: 'ticket',
  id: '1',
  name: 'tickets',
  granted,
});

function check(facts: Partial<CapabilityFacts>): string[] {
  return missingCapabilities({ channels: [tickets()], roles: [], ...facts }, naming);
}

describe('missingCapabilities', () => {
  it('finds nothing missing when every permission is granted and every role can be mentioned', () => {
    expect(
      check({
        applicationFlags: ApplicationFlags.GatewayMessageContentLimited,
        channels: [tickets(), { purpose: 'histories', id: '2', name: 'histories', granted: all('histories') }],
        roles: [{ purpose: 'staff', id: '3', name: 'Staff', mentionable: true }],
      }),
    ).toEqual([]);
  });

  it('takes the full or the limited Message Content flag, names the intent without either, and says when it cannot tell', () => {
    expect(check({ applicationFlags: ApplicationFlags.GatewayMessageContent })).toEqual([]);
    expect(check({ applicationFlags: ApplicationFlags.GatewayGuildMembers })).toEqual([
      expect.stringMatching(
        /^Missing: the Message Content intent \(Developer Portal → Bot → Privileged Gateway Intents\) — /,
      ),
    ]);
    expect(check({ applicationFlags: null })).toEqual([
      "Unknown: the application's intents, since Discord did not say what they are",
    ]);
    // Absent: the intents are not part of this check.
    expect(check({})).toEqual([]);
  });

  it('names each missing permission and the channel, and what it breaks', () => {
    const granted = all('ticket') & ~PermissionFlagsBits.ManageThreads & ~PermissionFlagsBits.ReadMessageHistory;
    expect(check({ channels: [tickets(granted)] })).toEqual([
      'Missing: Manage Threads in #tickets — closed tickets cannot be locked',
      'Missing: Read Message History in #tickets — replies sent while the bot was away are not stored, and transcripts lack the thread as Discord shows it',
    ]);
  });

  it('names a configured channel that is gone', () => {
    expect(check({ channels: [tickets(), { purpose: 'histories', id: '2', name: null, granted: 0n }] })).toEqual([
      'Missing: the histories channel #2, deleted or hidden from the bot — closed-ticket summaries are not posted',
    ]);
  });

  it('needs Mention All Roles only for roles that are not mentionable, and names deleted roles', () => {
    const roles: CapabilityFacts['roles'] = [
      { purpose: 'staff', id: '3', name: 'Staff', mentionable: false },
      { purpose: 'staff', id: '4', name: 'Helpers', mentionable: true },
      { purpose: 'notification', id: '5', name: 'Alerts', mentionable: false },
      { purpose: 'staff', id: '6', name: null, mentionable: false },
    ];
    expect(check({ roles })).toEqual([
      'Missing: Mention All Roles in #tickets, or @Staff made mentionable — members of @Staff are not added to new tickets',
      'Missing: Mention All Roles in #tickets, or @Alerts made mentionable — @Alerts is not pinged on new tickets',
      'Missing: the staff role @6, deleted — take it off with /ticket-config staff-role remove',
    ]);
    const withMentionAll = tickets(all('ticket') | PermissionFlagsBits.MentionEveryone);
    expect(check({ channels: [withMentionAll], roles: roles.slice(0, 3) })).toEqual([]);
  });

  it('checks each ticket category of channel mode, naming what opening or locking ticket channels lacks', () => {
    const category = (granted: bigint): ConfiguredChannel => ({
      purpose: 'category',
      id: '7',
      name: 'Tickets',
      granted,
    });
    expect(check({ channels: [tickets(), category(all('category'))] })).toEqual([]);
    expect(check({ channels: [tickets(), category(all('category') & ~PermissionFlagsBits.ManageRoles)] })).toEqual([
      'Missing: Manage Permissions in #Tickets — ticket channels cannot be made private, nor members added, nor closed tickets locked',
    ]);
    expect(check({ channels: [tickets(), { purpose: 'category', id: '8', name: null, granted: 0n }] })).toEqual([
      'Missing: the ticket category #8, deleted or hidden from the bot — no ticket channel can be opened',
    ]);
  });

  it('words every line in the reader’s language, permissions named as their Discord client names them', () => {
    const de = translator('de');
    const granted = all('ticket') & ~PermissionFlagsBits.ManageThreads;
    expect(
      missingCapabilities(
        {
          applicationFlags: 0,
          channels: [tickets(granted), { purpose: 'histories', id: '2', name: null, granted: 0n }],
          roles: [
            { purpose: 'notification', id: '5', name: 'Alerts', mentionable: false },
            { purpose: 'staff', id: '6', name: null, mentionable: false },
          ],
        },
        naming,
        de,
      ),
    ).toEqual([
      'Fehlt: der Intent Message Content (Developer Portal → Bot → Privileged Gateway Intents) — Discord verweigert dem Bot die Verbindung, solange er den Intent anfordert, und ohne ihn würden Antworten in Tickets ohne ihren Text gespeichert',
      'Fehlt: Threads verwalten in #tickets — geschlossene Tickets können nicht gesperrt werden',
      'Fehlt: der Verlaufskanal #2, gelöscht oder für den Bot unsichtbar — Zusammenfassungen geschlossener Tickets werden nicht gepostet',
      'Fehlt: Alle Rollen erwähnen in #tickets, oder @Alerts muss erwähnbar sein — @Alerts wird bei neuen Tickets nicht angepingt',
      'Fehlt: die Team-Rolle @6, gelöscht — entferne sie mit /ticket-config staff-role remove',
    ]);
    expect(translate('fr', 'diagnostics.nothingMissing')).toBe(
      'Rien ne manque : le bot a ici chaque intent et chaque permission dont les tickets ont besoin.',
    );
  });
});
