import { ApplicationCommandType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD_CONFIG_LIMITS } from '../../domain/guild-config.ts';
import { SandboxDriverError, type SandboxInteraction } from '../../sandbox/discord/index.ts';
import { COMMAND_SIZE_MAX, commandSize } from '../../sandbox/discord/rest/validation/command-body.ts';
import { grantManualEntitlement } from '../../store/entitlements/manual-entitlements.ts';
import {
  closeByStaff,
  commandsRegistered,
  openTicketFromPanel,
  privateAnswer,
  type SystemTicket,
  ticketRowOf,
} from '../support/system-tickets.ts';
import { eventually } from '../support/ticket-harness.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

const PUBLIC_URL = 'http://panel.ticketflow.test';
const OPERATOR = '300000000000000001';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem({ publicUrl: PUBLIC_URL });
  await commandsRegistered(system, ['ticket', 'ticket-config']);
}, 180_000);

afterAll(async () => {
  await system?.close();
});

type Options = Record<string, string | number | boolean>;

const answer = async (pending: SandboxInteraction) => (await privateAnswer(pending)).content;
const as = (name: string) => system.discord.driver.as(system.userId(name));
const owner = () => system.discord.driver.as(system.world.owner.id);
const registered = (name: string) =>
  system.discord.state.commands.byName(system.world.guild.id, name, ApplicationCommandType.ChatInput);

/** `/ticket-config [group] <subcommand>` as the server's owner, in the ticket channel. */
const ticketConfig = (path: string, options: Options = {}) => {
  const [first = '', second] = path.split(' ');
  const input = second === undefined ? { subcommand: first, options } : { group: first, subcommand: second, options };
  return answer(owner().runSlashCommand(system.channelId('tickets'), 'ticket-config', input));
};

/** What an option with autocomplete suggests to `member` after typing `typed`, within Discord's 3 seconds. */
async function suggestedIn(
  member: ReturnType<typeof owner>,
  command: string,
  path: { group?: string; subcommand: string; option: string },
  typed: string,
): Promise<string[]> {
  const typing = member.typeInOption(system.channelId('tickets'), command, {
    ...(path.group ? { group: path.group } : {}),
    subcommand: path.subcommand,
    focused: { name: path.option, typed },
  });
  const { choices, ackMs } = await typing.waitForChoices();
  expect(ackMs).toBeLessThanOrEqual(3_000);
  return choices.map((choice) => String(choice.value));
}

/** What `/ticket open type:` suggests to `member` after typing `typed`. */
const suggested = (member: string, typed: string) =>
  suggestedIn(as(member), 'ticket', { subcommand: 'open', option: 'type' }, typed);

const openByCommand = (member: string, type: string) =>
  as(member).runSlashCommand(system.channelId('tickets'), 'ticket', { subcommand: 'open', options: { type } });

describe('/ticket and /ticket-config through Discord: the bot, the worker, the dev server, Postgres', () => {
  it('registers /ticket without the settings and /ticket-config beside it, each within Discord’s size', () => {
    const ticket = registered('ticket');
    const settings = registered('ticket-config');
    expect(ticket?.options?.map((option) => option.name)).not.toContain('config');
    expect(settings?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    for (const command of [ticket, settings]) expect(commandSize(command)).toBeLessThanOrEqual(COMMAND_SIZE_MAX);
    // Discord shows /ticket-config to members with Manage Server only.
    expect(() =>
      as('alice').runSlashCommand(system.channelId('tickets'), 'ticket-config', { subcommand: 'show' }),
    ).toThrow(SandboxDriverError);
  });

  it('suggests all 25 types of a guild by autocomplete, filtered as the member types, without registering again', async () => {
    await grantManualEntitlement(system.db.prisma, {
      holder: { kind: 'guild', guildId: system.world.guild.id },
      plan: 'enterprise',
      endsAt: null,
      reason: '25 ticket types in the command test',
      operatorId: OPERATOR,
    });
    const version = registered('ticket')?.version;
    expect(await ticketConfig('cooldown', { seconds: 0 })).toBe('Members may open tickets with no wait between them.');
    expect(
      await ticketConfig('type add', { key: 'billing', name: 'Billing', description: 'Payments and refunds' }),
    ).toBe(
      'Added the ticket type "billing" (Billing). Give it questions with `/ticket-config question add`, and post the panel again with `/ticket panel` so members see it.',
    );
    for (let index = 3; index <= GUILD_CONFIG_LIMITS.ticketTypes; index += 1) {
      await ticketConfig('type add', { key: `team-${index}`, name: `Team ${index}` });
    }
    const everyType = await suggested('alice', '');
    expect(everyType).toHaveLength(25);
    expect(everyType.slice(0, 3)).toEqual(['support', 'billing', 'team-3']);
    expect(await suggested('alice', 'BILL')).toEqual(['billing']);
    expect(await suggested('alice', 'team 2')).toEqual([
      'team-20',
      'team-21',
      'team-22',
      'team-23',
      'team-24',
      'team-25',
    ]);
    expect(await suggested('alice', 'refunds')).toEqual([]);
    // Adding types changed nothing registered: /ticket open asks the bot.
    expect(registered('ticket')?.version).toBe(version);
  });

  let billingThreadId = '';

  it('opens a ticket of the type the member picked from the suggestions', async () => {
    const [picked] = await suggested('alice', 'bill');
    const said = await answer(openByCommand('alice', picked ?? ''));
    const opened = /^Your ticket #(\d+) is open: <#(\d+)>$/.exec(said);
    expect(opened, said).not.toBeNull();
    billingThreadId = opened?.[2] ?? '';
    expect(await ticketRowOf(system, billingThreadId)).toMatchObject({ typeKey: 'billing', status: 'open' });
  });

  it('suggests the types in /ticket move and /ticket-config’s type options from the same list', async () => {
    const move = { subcommand: 'move', option: 'type' };
    expect(await suggestedIn(as('sam'), 'ticket', move, 'SUPP')).toEqual(['support']);
    expect(await suggestedIn(as('sam'), 'ticket', move, '')).toEqual(await suggested('alice', ''));
    expect(await suggestedIn(as('sam'), 'ticket', move, 'refunds')).toEqual([]);
    const typeOptions = [
      { subcommand: 'sla', option: 'type' },
      { subcommand: 'routing', option: 'type' },
      { subcommand: 'open-limit', option: 'type' },
      { group: 'question', subcommand: 'add', option: 'type' },
      { group: 'question', subcommand: 'remove', option: 'type' },
      { group: 'type', subcommand: 'remove', option: 'key' },
      { group: 'type', subcommand: 'mode', option: 'type' },
    ];
    for (const path of typeOptions) {
      expect(await suggestedIn(owner(), 'ticket-config', path, 'bill'), path.subcommand).toEqual(['billing']);
    }
  });

  it('moves a ticket to the type staff picked, and refuses a typed type the guild lacks in their language', async () => {
    // Not to support: alice's next support ticket below must not meet this one under the open limit.
    const [picked] = await suggestedIn(as('sam'), 'ticket', { subcommand: 'move', option: 'type' }, 'team-3');
    expect(picked).toBe('team-3');
    const moveTo = (type: string) =>
      answer(as('sam').runSlashCommand(billingThreadId, 'ticket', { subcommand: 'move', options: { type } }));
    as('sam').setLocale('fr');
    expect(await moveTo('refunds')).toMatch(
      /^Ce serveur n'a pas de type de ticket « refunds » \(types : support, billing, team-3, .*\)\. Rien n'a été modifié\.$/,
    );
    as('sam').setLocale('en-US');
    expect(await ticketRowOf(system, billingThreadId)).toMatchObject({ typeKey: 'billing' });
    expect(await moveTo(picked ?? '')).toMatch(/^Ticket #\d+ is now a Team 3 ticket\.$/);
    expect(await ticketRowOf(system, billingThreadId)).toMatchObject({ typeKey: 'team-3' });
  });

  it('refuses a typed type the guild does not have, privately in the member’s language, and opens nothing', async () => {
    const before = await system.db.prisma.ticket.count();
    expect(await answer(openByCommand('bob', 'refunds'))).toBe(
      'This server has no ticket type "refunds". Choose one of the types suggested as you type. Nothing was opened.',
    );
    as('bob').setLocale('fr');
    expect(await answer(openByCommand('bob', 'refunds'))).toBe(
      "Ce serveur n'a pas de type de ticket « refunds ». Choisissez l'un des types proposés pendant la saisie. Rien n'a été ouvert.",
    );
    as('bob').setLocale('en-US');
    expect(await system.db.prisma.ticket.count()).toBe(before);
  });

  describe('the closing settings change what a close does', () => {
    let ticket: SystemTicket;

    it('reopen-window 0: a ticket closed under it is final, and its reopen is refused', async () => {
      expect(await ticketConfig('reopen-window', { days: 0 })).toBe(
        'Reopening is off: a closed ticket is final, tickets already closed included.',
      );
      ticket = await openTicketFromPanel(system, 'bob', 'Where is my invoice?');
      await closeByStaff(system, ticket, 'Answered');
      const reopen = as('bob').runSlashCommand(system.channelId('tickets'), 'ticket', {
        subcommand: 'reopen',
        options: { ticket: ticket.number },
      });
      expect(await answer(reopen)).toBe(
        `Closed tickets are final in this server, so ticket #${ticket.number} cannot be reopened.`,
      );
      expect(await ticketRowOf(system, ticket.threadId)).toMatchObject({ status: 'closed' });
    });

    it('closing-dm off: the creator’s DM only asks for a rating, with no reason and no transcript link', async () => {
      expect(await ticketConfig('reopen-window', { days: 7 })).toContain('for 7 days');
      expect(await ticketConfig('closing-dm', { state: 'off' })).toBe(
        'When a ticket closes, its creator’s direct message only asks for a rating: no reason and no transcript link.',
      );
      const before = as('alice').directMessages().length;
      const quiet = await openTicketFromPanel(system, 'alice', 'The app crashes on start.');
      await closeByStaff(system, quiet, 'Fixed in 2.1');
      const dm = await eventually(() => {
        const [only, ...more] = as('alice').directMessages().slice(before);
        if (!only) throw new Error('no direct message yet');
        expect(more).toEqual([]);
        return only;
      });
      const [embed] = dm.embeds;
      expect(embed?.title).toBe(`How did we do with ticket #${quiet.number}?`);
      expect(embed?.fields ?? []).toEqual([]);
      expect(JSON.stringify(dm)).not.toContain('/transcripts/');
      expect(JSON.stringify(dm)).not.toContain('Fixed in 2.1');
      // The rating is still asked.
      expect(embed?.description).toContain('Rate the ticket from 1 to 5 stars');

      const show = await privateAnswer(
        owner().runSlashCommand(system.channelId('tickets'), 'ticket-config', { subcommand: 'show' }),
      );
      const settings = show.embeds[0]?.description ?? '';
      expect(settings).toContain('**Reopen window:** 7 days after the close');
      expect(settings).toContain('**Closing DM:** off, only the rating question');
      expect(system.discord.specViolations).toEqual([]);
    });
  });
});
