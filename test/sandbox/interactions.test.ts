import { DiscordAPIError, type REST } from '@discordjs/rest';
import {
  type APIApplicationCommand,
  type APIInteraction,
  ButtonStyle,
  GatewayDispatchEvents,
  InteractionResponseType,
  MessageFlags,
  Routes,
  TextInputStyle,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordRest } from '../../activities/discord/rest-client.ts';
import {
  createDiscordSandbox,
  type DiscordSandbox,
  SandboxDriverError,
  type SandboxInteraction,
} from '../../sandbox/discord/index.ts';
import { seedTicketGuild } from '../discord/discord-fixture.ts';

/** Commands, interaction callbacks and webhook follow-ups, through @discordjs/rest as discord.js sends them. */
describe('Discord sandbox interactions', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let rest: REST;
  /** Added to the sandbox clock: moves interaction deadlines without fake timers. */
  let clockOffsetMs = 0;
  const created: APIInteraction[] = [];

  const ticketCommand = {
    name: 'ticket',
    description: 'Ticket tools',
    options: [
      {
        type: 1,
        name: 'close',
        description: 'Close a ticket',
        options: [
          { type: 3, name: 'reason', description: 'Why', required: true, max_length: 50 },
          { type: 6, name: 'notify', description: 'Who to tell' },
        ],
      },
      { type: 1, name: 'open', description: 'Open a ticket' },
    ],
  };

  beforeAll(async () => {
    sandbox = await createDiscordSandbox({ now: () => Date.now() + clockOffsetMs });
    guild = seedTicketGuild(sandbox);
    rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
    sandbox.state.onDispatch((dispatch) => {
      if (dispatch.event === GatewayDispatchEvents.InteractionCreate) created.push(dispatch.data as APIInteraction);
    });
    await rest.put(Routes.applicationGuildCommands(sandbox.bot.applicationId, guild.guild.id), {
      body: [ticketCommand],
    });
  });
  afterAll(() => sandbox.close());

  const alice = () => sandbox.driver.as(guild.user('alice').id);
  const tickets = () => guild.channel('tickets').id;
  const callback = (interaction: SandboxInteraction, body: unknown, withResponse = false) =>
    rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body,
      auth: false,
      query: new URLSearchParams({ with_response: String(withResponse) }),
    });
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    return error as DiscordAPIError;
  };

  it('registers guild commands, keeps their ids on re-registration, and refuses invalid ones with 50035', async () => {
    const route = Routes.applicationGuildCommands(sandbox.bot.applicationId, guild.guild.id);
    const [before] = (await rest.get(route)) as APIApplicationCommand[];
    const [after] = (await rest.put(route, { body: [ticketCommand] })) as APIApplicationCommand[];
    expect(after).toMatchObject({ id: before?.id, name: 'ticket', guild_id: guild.guild.id, type: 1 });
    expect(after?.version).not.toBe(before?.version);

    const refusal = async (command: unknown) => (await failure(rest.put(route, { body: [command] }))).rawError;
    expect(await refusal({ name: 'Ticket', description: 'ok' })).toMatchObject({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { 0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } },
    });
    expect(await refusal({ name: 'ticket', description: 'x'.repeat(101) })).toMatchObject({
      errors: {
        0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }] } },
      },
    });
    const optionalFirst = {
      name: 'ticket',
      description: 'ok',
      options: [
        { type: 3, name: 'a', description: 'a' },
        { type: 3, name: 'b', description: 'b', required: true },
      ],
    };
    expect(await refusal(optionalFirst)).toMatchObject({
      errors: {
        0: { options: { 1: { required: { _errors: [{ code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID' }] } } } },
      },
    });
    expect(await rest.get(route)).toHaveLength(1);
    const unknown = await failure(
      rest.get(Routes.applicationGuildCommand(sandbox.bot.applicationId, guild.guild.id, '1'.repeat(18))),
    );
    expect(unknown.code).toBe(10063);
  });

  it('sends INTERACTION_CREATE with every field discord.js needs, and resolves user options', () => {
    const interaction = alice().runSlashCommand(tickets(), 'ticket', {
      subcommand: 'close',
      options: { reason: 'solved', notify: guild.user('sam').id },
    });
    const payload = created.at(-1) as APIInteraction & Record<string, unknown>;
    expect(payload).toMatchObject({
      id: interaction.id,
      token: interaction.token,
      application_id: sandbox.bot.applicationId,
      type: 2,
      guild_id: guild.guild.id,
      channel_id: tickets(),
      entitlements: [],
      authorizing_integration_owners: { 0: guild.guild.id },
      member: { user: { id: guild.user('alice').id }, permissions: expect.any(String) },
      app_permissions: expect.any(String),
      data: {
        name: 'ticket',
        type: 1,
        options: [
          {
            type: 1,
            name: 'close',
            options: [
              { name: 'reason', type: 3, value: 'solved' },
              { name: 'notify', type: 6, value: guild.user('sam').id },
            ],
          },
        ],
        resolved: { users: { [guild.user('sam').id]: { username: 'sam' } } },
      },
    });
    expect(interaction.token).toMatch(/^[\w.-]+$/);
  });

  it('refuses slash commands the client would not send', () => {
    expect(() => alice().runSlashCommand(tickets(), 'nope')).toThrow(SandboxDriverError);
    expect(() => alice().runSlashCommand(tickets(), 'ticket')).toThrow(/needs a subcommand/);
    expect(() => alice().runSlashCommand(tickets(), 'ticket', { subcommand: 'close' })).toThrow(/reason is required/);
    expect(() =>
      alice().runSlashCommand(tickets(), 'ticket', { subcommand: 'close', options: { reason: 'x'.repeat(51) } }),
    ).toThrow(/length 51/);
  });

  it('accepts one callback, answers a second with 40060, and a late first one with 10062', async () => {
    const interaction = alice().runSlashCommand(tickets(), 'ticket', { subcommand: 'open' });
    await callback(interaction, { type: 4, data: { content: 'Opened' } });
    expect(await interaction.waitForAck()).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    expect(await interaction.waitForReply()).toMatchObject({
      content: 'Opened',
      type: 20,
      webhook_id: sandbox.bot.applicationId,
      interaction_metadata: { id: interaction.id, user: { id: guild.user('alice').id } },
    });
    expect((await failure(callback(interaction, { type: 4, data: { content: 'again' } }))).code).toBe(40060);

    const late = alice().runSlashCommand(tickets(), 'ticket', { subcommand: 'open' });
    clockOffsetMs += 3_001;
    const error = await failure(callback(late, { type: 5 }));
    expect([error.status, error.code]).toEqual([404, 10062]);
  });

  it('defers, edits @original, sends follow-ups, and keeps ephemeral messages out of the channel', async () => {
    const interaction = alice().runSlashCommand(tickets(), 'ticket', { subcommand: 'open' });
    const answer = (await callback(interaction, { type: 5, data: { flags: MessageFlags.Ephemeral } }, true)) as {
      interaction: { response_message_loading: boolean; response_message_ephemeral: boolean };
    };
    expect(answer.interaction).toMatchObject({ response_message_loading: true, response_message_ephemeral: true });
    const original = Routes.webhookMessage(sandbox.bot.applicationId, interaction.token, '@original');
    const edited = (await rest.patch(original, { body: { content: 'Ticket #7 opened' }, auth: false })) as {
      flags: number;
    };
    expect(edited.flags & MessageFlags.Loading).toBe(0);
    expect(await interaction.waitForReply()).toMatchObject({
      content: 'Ticket #7 opened',
      flags: MessageFlags.Ephemeral,
    });

    const followUp = (await rest.post(Routes.webhook(sandbox.bot.applicationId, interaction.token), {
      body: { content: 'Staff were told' },
      query: new URLSearchParams({ wait: 'true' }),
      auth: false,
    })) as { id: string; interaction_metadata: { original_response_message_id: string } };
    expect(followUp.interaction_metadata.original_response_message_id).toBe((await interaction.waitForReply()).id);
    expect(interaction.followUps().map((message) => message.content)).toEqual(['Staff were told']);
    const history = sandbox.state.messagesIn(tickets()).map((message) => message.content);
    expect(history).toContain('Staff were told');
    expect(history).not.toContain('Ticket #7 opened');

    clockOffsetMs += 15 * 60_000 + 1;
    expect((await failure(rest.get(original, { auth: false }))).code).toBe(50027);
  });

  it('checks modal limits, shows a modal once, and submits it as the client would', async () => {
    const opener = alice().runSlashCommand(tickets(), 'ticket', { subcommand: 'open' });
    const field = { type: 4, custom_id: 'details', style: TextInputStyle.Paragraph, min_length: 5, max_length: 200 };
    const modalRefusal = async (data: unknown) => (await failure(callback(opener, { type: 9, data }))).rawError;
    const label = { type: 18, label: 'Details', component: field };
    expect(await modalRefusal({ custom_id: 'open', title: 'x'.repeat(46), components: [label] })).toMatchObject({
      code: 50035,
      errors: {
        data: {
          title: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 45 in length.' }] },
        },
      },
    });
    expect(await modalRefusal({ custom_id: 'open', title: 'Open', components: Array(6).fill(label) })).toMatchObject({
      errors: { data: { components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } },
    });
    expect(
      await modalRefusal({
        custom_id: 'open',
        title: 'Open',
        components: [{ ...label, component: { ...field, max_length: 4001 } }],
      }),
    ).toMatchObject({ errors: { data: { components: { 0: expect.anything() } } } });
    await callback(opener, {
      type: 9,
      data: {
        custom_id: 'open',
        title: 'Open a ticket',
        components: [{ type: 18, id: 1, label: 'Details', component: field }],
      },
    });
    expect(await opener.waitForModal()).toMatchObject({ custom_id: 'open', title: 'Open a ticket' });

    expect(() => alice().submitModal(opener, {})).toThrow(/details is required/);
    expect(() => alice().submitModal(opener, { details: 'hi' })).toThrow(/5–200 characters/);
    expect(() => alice().submitModal(opener, { other: 'hello' })).toThrow(/no input other/);
    const submit = alice().submitModal(opener, { details: 'My printer is on fire' });
    expect(created.at(-1)).toMatchObject({
      type: 5,
      data: {
        custom_id: 'open',
        components: [{ type: 18, id: 1, component: { type: 4, custom_id: 'details', value: 'My printer is on fire' } }],
      },
    });
    expect(() => alice().submitModal(opener, { details: 'again and again' })).toThrow(/already submitted/);
    const noModal = await failure(
      callback(submit, {
        type: 9,
        data: { custom_id: 'x', title: 'x', components: [{ type: 18, label: 'x', component: field }] },
      }),
    );
    expect(noModal.code).toBe(50035);
  });

  it('presses only buttons that exist and are enabled, and updates the message they are on', async () => {
    const message = (await rest.post(Routes.channelMessages(tickets()), {
      body: {
        content: 'Need help?',
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: ButtonStyle.Primary, custom_id: 'open', label: 'Open' },
              { type: 2, style: ButtonStyle.Secondary, custom_id: 'off', label: 'Off', disabled: true },
            ],
          },
          { type: 1, components: [{ type: 3, custom_id: 'kind', options: [{ label: 'Bug', value: 'bug' }] }] },
        ],
      },
    })) as { id: string };
    expect(() => alice().pressButton(tickets(), message.id, 'missing')).toThrow(/no component missing/);
    expect(() => alice().pressButton(tickets(), message.id, 'off')).toThrow(/disabled/);
    expect(() => alice().selectOptions(tickets(), message.id, 'kind', ['feature'])).toThrow(/does not offer feature/);

    const press = alice().pressButton(tickets(), message.id, 'open');
    expect(created.at(-1)).toMatchObject({
      type: 3,
      data: { custom_id: 'open', component_type: 2 },
      message: { id: message.id },
    });
    await callback(press, { type: 7, data: { content: 'Opening…', components: [] } });
    expect(await press.waitForReply()).toMatchObject({ id: message.id, content: 'Opening…', components: [] });

    const refusal = async (components: unknown) =>
      (await failure(rest.post(Routes.channelMessages(tickets()), { body: { components } }))).rawError;
    const select = { type: 3, custom_id: 'kind', options: [{ label: 'Bug', value: 'bug' }] };
    expect(
      await refusal([{ type: 1, components: [{ type: 2, style: 1, custom_id: 'a', label: 'x'.repeat(81) }] }]),
    ).toMatchObject({
      errors: { components: { 0: { components: { 0: { label: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } } },
    });
    expect(
      await refusal([{ type: 1, components: [{ type: 2, style: 1, custom_id: 'a', label: 'A' }, select] }]),
    ).toMatchObject({
      errors: { components: { 0: { components: { _errors: [{ code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED' }] } } } },
    });
    expect(
      await refusal([
        { type: 1, components: [{ type: 2, style: 1, custom_id: 'kind', label: 'A' }] },
        { type: 1, components: [select] },
      ]),
    ).toMatchObject({
      errors: {
        components: {
          1: { components: { 0: { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } } } },
        },
      },
    });
  });

  it('serves the driver over HTTP under /__sandbox/', async () => {
    const post = async (body: unknown): Promise<{ status: number; body: Record<string, string> }> => {
      const response = await fetch(`${sandbox.url}/__sandbox/actions`, { method: 'POST', body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    const sent = await post({
      action: 'sendMessage',
      as: guild.user('alice').id,
      channelId: tickets(),
      content: 'hello',
    });
    expect(sent).toMatchObject({ status: 200, body: { content: 'hello', author: { id: guild.user('alice').id } } });
    const refused = await post({
      action: 'runSlashCommand',
      as: guild.user('alice').id,
      channelId: tickets(),
      name: 'nope',
    });
    expect(refused).toMatchObject({ status: 400, body: { error: expect.stringContaining('not registered') } });
    const started = await post({
      action: 'runSlashCommand',
      as: guild.user('alice').id,
      channelId: tickets(),
      name: 'ticket',
      subcommand: 'open',
    });
    const interaction = sandbox.driver.interaction(started.body.interactionId ?? '');
    await callback(interaction, { type: 4, data: { content: 'Hi from the bot' } });
    const status = await (await fetch(`${sandbox.url}/__sandbox/interactions/${interaction.id}`)).json();
    expect(status).toMatchObject({ ack: { type: 4 }, reply: { content: 'Hi from the bot' }, followUps: [] });
  });
});
