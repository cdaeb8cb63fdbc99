import { ApplicationCommandType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketConfigCommand } from '../../../bot/commands/index.ts';
import { SandboxDriverError } from '../../../sandbox/discord/index.ts';
import { type CommandWorld, startCommandWorld } from './command-world.ts';

let world: CommandWorld;

beforeAll(async () => {
  world = await startCommandWorld();
});

afterAll(async () => {
  await world?.stop();
});

/** `/ticket-config <subcommand>` or `/ticket-config <group> <subcommand>`, written as a member types it. */
const config = (path: string, options?: Record<string, string | number | boolean>) => {
  const [first = '', second] = path.split(' ');
  return second === undefined ? { subcommand: first, options } : { group: first, subcommand: second, options };
};

const loadConfig = () => world.context.guildConfigs.loadGuildConfig(world.guildId);

/** Runs a refused change and proves it wrote nothing. */
async function expectRefused(
  username: string,
  input: ReturnType<typeof config>,
  message: string | RegExp,
): Promise<void> {
  const before = await loadConfig();
  const { text } = await world.ticketConfig(username, input);
  expect(text).toMatch(message);
  expect(await loadConfig()).toEqual(before);
}

describe('/ticket-config', () => {
  it('is registered beside /ticket, for Manage Server, with every entry answered by the bot', () => {
    const registered = world.sandbox.state.commands.byName(
      world.guildId,
      'ticket-config',
      ApplicationCommandType.ChatInput,
    );
    const names = (registered?.options ?? []).map((option) => option.name);
    expect(names).toEqual(ticketConfigCommand.subcommands.map((subcommand) => subcommand.data.name));
    expect(names).toEqual(
      expect.arrayContaining(['show', 'ticket-channel', 'staff-role', 'type', 'reopen-window', 'closing-dm']),
    );
    expect(registered?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    const ticket = world.sandbox.state.commands.byName(world.guildId, 'ticket', ApplicationCommandType.ChatInput);
    expect(ticket?.options?.map((option) => option.name)).not.toContain('config');
  });

  it('answers "not set up" before the ticket channel is chosen, and writes nothing', async () => {
    expect((await world.ticketConfig('ada', config('show'))).text).toContain('not set up yet');
    await expectRefused('ada', config('cooldown', { seconds: 5 }), /not set up yet/);
    expect(await world.database.prisma.guild.findUnique({ where: { id: world.guildId } })).toBeNull();
  });

  it('is not offered to members without Manage Server, staff role or not', async () => {
    for (const username of ['alice', 'sam']) {
      expect(() =>
        world.sandbox.driver
          .as(world.user(username).id)
          .runSlashCommand(world.channel('lobby').id, 'ticket-config', config('show')),
      ).toThrow(SandboxDriverError);
    }
    expect(await loadConfig()).toBeNull();
  });

  it('refuses a ticket channel where the bot cannot create private threads', async () => {
    await expectRefused(
      'ada',
      config('ticket-channel', { channel: world.noThreads.id }),
      `I cannot open ticket threads in <#${world.noThreads.id}>: I am missing Create Private Threads there.`,
    );
    expect(await loadConfig()).toBeNull();
  });

  it('sets tickets up with a default support type on the first ticket-channel', async () => {
    const { text } = await world.ticketConfig(
      'ada',
      config('ticket-channel', { channel: world.channel('tickets').id }),
    );
    expect(text).toContain('Tickets are set up');
    expect(await loadConfig()).toMatchObject({
      ticketChannelId: world.channel('tickets').id,
      staffRoleIds: [],
      ticketTypes: [{ key: 'support', name: 'Support', questions: [{ label: 'How can we help?' }] }],
    });
  });

  it('changes channels, roles, limits and the blocklist, each saved at once', async () => {
    const tickets = world.channel('tickets').id;
    const histories = world.channel('histories').id;
    const staff = world.role('Staff').id;
    const alerts = world.role('Alerts').id;
    const alice = world.user('alice').id;

    await world.ticketConfig('ada', config('histories-channel', { channel: histories }));
    await world.ticketConfig('ada', config('reminders-channel', { channel: tickets }));
    await world.ticketConfig('ada', config('staff-role add', { role: staff }));
    expect((await world.ticketConfig('ada', config('notification-role', { role: alerts }))).text).toBe(
      `<@&${alerts}> is pinged when a ticket opens.`,
    );
    await world.ticketConfig('ada', config('inactivity', { hours: 48 }));
    await world.ticketConfig('ada', config('open-limit', { count: 5 }));
    await world.ticketConfig('ada', config('open-limit', { count: 2, type: 'support' }));
    await world.ticketConfig('ada', config('cooldown', { seconds: 90 }));
    await world.ticketConfig('ada', config('blocklist add', { member: alice }));
    expect(await loadConfig()).toMatchObject({
      ticketChannelId: tickets,
      historiesChannelId: histories,
      remindersChannelId: tickets,
      staffRoleIds: [staff],
      notificationRoleId: alerts,
      notificationsEnabled: true,
      inactivityTimeoutMinutes: 48 * 60,
      openLimitPerMember: 5,
      openCooldownSeconds: 90,
      blockedUserIds: [alice],
      ticketTypes: [{ key: 'support', openLimit: 2 }],
    });

    await world.ticketConfig('ada', config('notifications', { state: 'off' }));
    await world.ticketConfig('ada', config('reminders-channel'));
    await world.ticketConfig('ada', config('blocklist remove', { member: alice }));
    expect(await loadConfig()).toMatchObject({
      notificationRoleId: alerts,
      notificationsEnabled: false,
      remindersChannelId: null,
      blockedUserIds: [],
    });
  });

  it('refuses roles and members that cannot be used, and changes that change nothing', async () => {
    // @everyone is refused by the store, which every writer of the settings passes through.
    const everyone = 'is @everyone, which every member has: choose a role';
    await expectRefused('ada', config('staff-role add', { role: world.guildId }), `- Staff roles: ${everyone}`);
    await expectRefused(
      'ada',
      config('notification-role', { role: world.guildId }),
      `- Notification role: ${everyone}`,
    );
    await expectRefused(
      'ada',
      config('notification-role', { role: world.role('Quiet').id }),
      /is not mentionable, so my ping would not reach anyone/,
    );
    await expectRefused('ada', config('staff-role add', { role: world.role('Staff').id }), /is already a staff role/);
    await expectRefused('ada', config('staff-role remove', { role: world.role('Alerts').id }), /is not a staff role/);
    await expectRefused(
      'ada',
      config('blocklist add', { member: world.user('otherbot').id }),
      /Bots cannot open tickets/,
    );
    await expectRefused('ada', config('blocklist remove', { member: world.user('bob').id }), /is not blocked/);
    await expectRefused('ada', config('open-limit', { count: 2, type: 'nope' }), 'There is no ticket type "nope".');
  });

  it('refuses a posting channel the bot cannot post in', async () => {
    await expectRefused(
      'ada',
      config('histories-channel', { channel: world.readOnly.id }),
      `I cannot post closed-ticket summaries in <#${world.readOnly.id}>: I am missing Send Messages there.`,
    );
  });

  /** What `/ticket open type:` suggests to a member who has typed nothing yet. */
  const openChoices = async () => {
    const { choices } = await world.sandbox.driver
      .as(world.user('alice').id)
      .typeInOption(world.channel('lobby').id, 'ticket', { subcommand: 'open', focused: { name: 'type', typed: '' } })
      .waitForChoices();
    return choices.map((choice) => `${choice.value}=${choice.name}`);
  };

  it('adds and removes ticket types and their questions, within Discord’s limits', async () => {
    expect(await openChoices()).toEqual(['support=Support — Ask the staff for help']);
    await world.ticketConfig('ada', config('type add', { key: 'billing', name: 'Billing', description: 'Payments' }));
    expect(await openChoices()).toEqual(['support=Support — Ask the staff for help', 'billing=Billing — Payments']);
    for (const [index, label] of ['Invoice number?', 'Amount?', 'When?', 'Card or bank?', 'Anything else?'].entries()) {
      const { text } = await world.ticketConfig(
        'ada',
        config('question add', { type: 'billing', question: label, style: 'short', required: index < 2 }),
      );
      expect(text).toBe(`Added question ${index + 1} to "billing": ${label}`);
    }
    await expectRefused(
      'ada',
      config('question add', { type: 'billing', question: 'A sixth?' }),
      /already has 5 questions, the most a Discord form can ask/,
    );
    await world.ticketConfig('ada', config('question remove', { type: 'billing', position: 2 }));
    const billing = (await loadConfig())?.ticketTypes.find((type) => type.key === 'billing');
    expect(billing).toMatchObject({ name: 'Billing', description: 'Payments' });
    expect(billing?.questions.map((question) => [question.label, question.style, question.required])).toEqual([
      ['Invoice number?', 'short', true],
      ['When?', 'short', false],
      ['Card or bank?', 'short', false],
      ['Anything else?', 'short', false],
    ]);

    await expectRefused(
      'ada',
      config('type add', { key: 'billing', name: 'Again' }),
      'There is already a ticket type "billing".',
    );
    await expectRefused(
      'ada',
      config('type add', { key: 'Bad Key', name: 'Bad' }),
      'Nothing was changed:\n- Type "Bad Key", key: must be 1 to 32 lowercase letters, digits or dashes',
    );
    await expectRefused('ada', config('question remove', { type: 'billing', position: 5 }), /there is no question 5/);
    await expectRefused(
      'ada',
      config('type remove', { key: 'sales' }),
      'There is no ticket type "sales". The types are: support, billing.',
    );

    await world.ticketConfig('ada', config('type remove', { key: 'support' }));
    expect((await loadConfig())?.ticketTypes.map((type) => type.key)).toEqual(['billing']);
    expect(await openChoices()).toEqual(['billing=Billing — Payments']);
    await expectRefused('ada', config('type remove', { key: 'billing' }), /needs at least one ticket type/);
  });

  it('sets the language tickets speak, answering the admin in their own Discord language', async () => {
    expect((await loadConfig())?.language).toBe('en');
    const { text } = await world.ticketConfig('ada', config('language', { language: 'fr' }));
    expect(text).toMatch(/^Ticket language: Français\./);
    expect((await loadConfig())?.language).toBe('fr');
  });

  it('registers /ticket with its names and descriptions in every supported language', () => {
    const registered = world.sandbox.state.commands.byName(world.guildId, 'ticket', ApplicationCommandType.ChatInput);
    const close = registered?.options?.find((option) => option.name === 'close');
    expect(close?.name_localizations).toMatchObject({
      de: 'schließen',
      fr: 'fermer',
      'es-ES': 'cerrar',
      'pt-BR': 'fechar',
    });
    expect(close?.description_localizations?.de).toBe('Ticket schließen (wer es geöffnet hat, oder das Team)');
  });

  it('sets the reopen window and the closing DM, and answers every setting in the admin’s language', async () => {
    expect((await world.ticketConfig('ada', config('reopen-window', { days: 0 }))).text).toBe(
      'Reopening is off: a closed ticket is final, tickets already closed included.',
    );
    expect((await world.ticketConfig('ada', config('reopen-window', { days: 14 }))).text).toBe(
      'A ticket closed from now on can be reopened by its creator or staff for 14 days. Tickets already closed keep the window they got.',
    );
    expect((await world.ticketConfig('ada', config('closing-dm', { state: 'off' }))).text).toBe(
      'When a ticket closes, its creator’s direct message only asks for a rating: no reason and no transcript link.',
    );
    expect(await loadConfig()).toMatchObject({ reopenWindowDays: 14, closingDmEnabled: false });
    // Discord's client keeps the days to the schema's range.
    expect(() =>
      world.sandbox.driver
        .as(world.user('ada').id)
        .runSlashCommand(world.channel('lobby').id, 'ticket-config', config('reopen-window', { days: 91 })),
    ).toThrow(SandboxDriverError);

    const ada = world.sandbox.driver.as(world.user('ada').id);
    ada.setLocale('de');
    try {
      expect((await world.ticketConfig('ada', config('cooldown', { seconds: 1 }))).text).toBe(
        'Ein Mitglied wartet nach dem Öffnen eines Tickets 1 Sekunde, bevor es ein weiteres öffnet.',
      );
      await expectRefused(
        'ada',
        config('staff-role add', { role: world.role('Staff').id }),
        `<@&${world.role('Staff').id}> ist schon eine Team-Rolle.`,
      );
      await expectRefused(
        'ada',
        config('type add', { key: 'Bad Key', name: 'Bad' }),
        'Es wurde nichts geändert:\n- Typ „Bad Key“, Schlüssel: muss aus 1 bis 32 Kleinbuchstaben, Ziffern oder Bindestrichen bestehen',
      );
    } finally {
      ada.setLocale('en-US');
    }
  });

  it('shows the settings', async () => {
    await world.ticketConfig('ada', config('sla', { type: 'billing', 'first-response': 60 }));
    const { reply } = await world.ticketConfig('ada', config('show'));
    const description = reply.embeds[0]?.description ?? '';
    expect(reply.embeds[0]?.title).toBe('Ticket settings');
    expect(description).toContain('**Language:** Français');
    expect(description).toContain('**Reopen window:** 14 days after the close');
    expect(description).toContain('**Closing DM:** off, only the rating question');
    expect(description).toContain('**Support hours:** 24/7 (UTC); holidays: none');
    expect(description).toContain('**Escalation role:** none');
    expect(description).toContain(
      '  SLA: first response 1 hour of support time, resolution no target; a missed target pings nobody',
    );
    expect(description).toContain('  opens as a private thread · not assigned automatically');
    expect(description).toContain(`**Ticket channel:** <#${world.channel('tickets').id}>`);
    expect(description).toContain(`**Staff roles:** <@&${world.role('Staff').id}>`);
    expect(description).toContain('`billing` Billing');
    expect(description).toContain('1. Invoice number? (short, required, up to 1000)');
  });
});
