import { ApplicationCommandType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketCommand } from '../../../bot/commands/index.ts';
import { type CommandWorld, startCommandWorld } from './command-world.ts';

let world: CommandWorld;

beforeAll(async () => {
  world = await startCommandWorld();
});

afterAll(async () => {
  await world?.stop();
});

const config = (subcommand: string, options?: Record<string, string | number | boolean>) => ({
  group: 'config',
  subcommand,
  options,
});

const loadConfig = () => world.context.guildConfigs.loadGuildConfig(world.guildId);

/** Runs a refused change and proves it wrote nothing. */
async function expectRefused(
  username: string,
  input: ReturnType<typeof config>,
  message: string | RegExp,
): Promise<void> {
  const before = await loadConfig();
  const { text } = await world.ticket(username, input);
  expect(text).toMatch(message);
  expect(await loadConfig()).toEqual(before);
}

describe('/ticket config', () => {
  it('is registered as one guild command the local Discord accepted, with config as a group', () => {
    const registered = world.sandbox.state.commands.byName(world.guildId, 'ticket', ApplicationCommandType.ChatInput);
    const names = (registered?.options ?? []).map((option) => option.name);
    expect(names).toEqual(ticketCommand.subcommands.map((subcommand) => subcommand.data.name));
    expect(names).toEqual(expect.arrayContaining(['open', 'close', 'list', 'assign', 'add-user', 'panel', 'config']));
  });

  it('answers "not set up" before the ticket channel is chosen, and writes nothing', async () => {
    expect((await world.ticket('ada', config('show'))).text).toContain('not set up yet');
    await expectRefused('ada', config('cooldown', { seconds: 5 }), /not set up yet/);
    expect(await world.database.prisma.guild.findUnique({ where: { id: world.guildId } })).toBeNull();
  });

  it('refuses members without Manage Server, staff role or not', async () => {
    for (const username of ['alice', 'sam']) {
      await expectRefused(
        username,
        config('ticket-channel', { channel: world.channel('tickets').id }),
        'Only members with the Manage Server permission can change ticket settings.',
      );
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
    const { text } = await world.ticket('ada', config('ticket-channel', { channel: world.channel('tickets').id }));
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

    await world.ticket('ada', config('histories-channel', { channel: histories }));
    await world.ticket('ada', config('reminders-channel', { channel: tickets }));
    await world.ticket('ada', config('staff-role-add', { role: staff }));
    expect((await world.ticket('ada', config('notification-role', { role: alerts }))).text).toBe(
      `<@&${alerts}> is pinged when a ticket opens.`,
    );
    await world.ticket('ada', config('inactivity', { hours: 48 }));
    await world.ticket('ada', config('open-limit', { count: 5 }));
    await world.ticket('ada', config('open-limit', { count: 2, type: 'support' }));
    await world.ticket('ada', config('cooldown', { seconds: 90 }));
    await world.ticket('ada', config('blocklist-add', { member: alice }));
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

    await world.ticket('ada', config('notifications', { state: 'off' }));
    await world.ticket('ada', config('reminders-channel'));
    await world.ticket('ada', config('blocklist-remove', { member: alice }));
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
    await expectRefused('ada', config('staff-role-add', { role: world.guildId }), `- Staff roles: ${everyone}`);
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
    await expectRefused('ada', config('staff-role-add', { role: world.role('Staff').id }), /is already a staff role/);
    await expectRefused('ada', config('staff-role-remove', { role: world.role('Alerts').id }), /is not a staff role/);
    await expectRefused(
      'ada',
      config('blocklist-add', { member: world.user('otherbot').id }),
      /Bots cannot open tickets/,
    );
    await expectRefused('ada', config('blocklist-remove', { member: world.user('bob').id }), /is not blocked/);
    await expectRefused('ada', config('open-limit', { count: 2, type: 'nope' }), 'There is no ticket type "nope".');
  });

  it('refuses a posting channel the bot cannot post in', async () => {
    await expectRefused(
      'ada',
      config('histories-channel', { channel: world.readOnly.id }),
      `I cannot post closed-ticket summaries in <#${world.readOnly.id}>: I am missing Send Messages there.`,
    );
  });

  /** The choices `/ticket open type:` offers in this guild, as registered with the local Discord. */
  const openChoices = () => {
    const registered = world.sandbox.state.commands.byName(world.guildId, 'ticket', ApplicationCommandType.ChatInput);
    const open = registered?.options?.find((option) => option.name === 'open');
    const type = open && 'options' in open ? open.options?.find((option) => option.name === 'type') : undefined;
    return type && 'choices' in type ? type.choices?.map((choice) => `${choice.value}=${choice.name}`) : undefined;
  };

  it('adds and removes ticket types and their questions, within Discord’s limits', async () => {
    expect(openChoices()).toEqual(['support=Support']);
    await world.ticket('ada', config('type-add', { key: 'billing', name: 'Billing', description: 'Payments' }));
    expect(openChoices()).toEqual(['support=Support', 'billing=Billing']);
    for (const [index, label] of ['Invoice number?', 'Amount?', 'When?', 'Card or bank?', 'Anything else?'].entries()) {
      const { text } = await world.ticket(
        'ada',
        config('question-add', { type: 'billing', question: label, style: 'short', required: index < 2 }),
      );
      expect(text).toBe(`Added question ${index + 1} to "billing": ${label}`);
    }
    await expectRefused(
      'ada',
      config('question-add', { type: 'billing', question: 'A sixth?' }),
      /already has 5 questions, the most a Discord form can ask/,
    );
    await world.ticket('ada', config('question-remove', { type: 'billing', position: 2 }));
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
      config('type-add', { key: 'billing', name: 'Again' }),
      'There is already a ticket type "billing".',
    );
    await expectRefused(
      'ada',
      config('type-add', { key: 'Bad Key', name: 'Bad' }),
      'Nothing was changed:\n- Type "Bad Key", key: must be 1 to 32 lowercase letters, digits or dashes',
    );
    await expectRefused('ada', config('question-remove', { type: 'billing', position: 5 }), /there is no question 5/);
    await expectRefused(
      'ada',
      config('type-remove', { key: 'sales' }),
      'There is no ticket type "sales". The types are: support, billing.',
    );

    await world.ticket('ada', config('type-remove', { key: 'support' }));
    expect((await loadConfig())?.ticketTypes.map((type) => type.key)).toEqual(['billing']);
    expect(openChoices()).toEqual(['billing=Billing']);
    await expectRefused('ada', config('type-remove', { key: 'billing' }), /needs at least one ticket type/);
  });

  it('sets the language tickets speak, answering the admin in their own Discord language', async () => {
    expect((await loadConfig())?.language).toBe('en');
    const { text } = await world.ticket('ada', config('language', { language: 'fr' }));
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

  it('shows the settings', async () => {
    const { reply } = await world.ticket('ada', config('show'));
    const description = reply.embeds[0]?.description ?? '';
    expect(description).toContain(`**Ticket channel:** <#${world.channel('tickets').id}>`);
    expect(description).toContain(`**Staff roles:** <@&${world.role('Staff').id}>`);
    expect(description).toContain('`billing` Billing');
    expect(description).toContain('1. Invoice number? (short, required, up to 1000)');
  });
});
