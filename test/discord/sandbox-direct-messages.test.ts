import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  DiscordAPIError,
  GatewayIntentBits,
  type Interaction,
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { DiscordState } from '../../sandbox/discord/state/discord-state.ts';
import { callSandbox, loginDiscordClient, nextEvent, TICKET_BOT_INTENTS } from '../support/discord-client.ts';
import { seedTicketGuild } from './discord-fixture.ts';

/** Direct messages between the bot and a member, and the locale a member's client gives their interactions. */
describe('Discord sandbox direct messages', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;

  // Discord's own rate limits: these checks send a few messages to each channel.
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    guild = seedTicketGuild(sandbox);
  });
  afterAll(() => sandbox.close());

  /** Status and body only: what these checks compare. */
  const call = async (method: string, path: string, body?: unknown) => {
    const { status, body: answer } = await callSandbox(sandbox, method, path, body);
    return { status, body: answer };
  };

  async function driverCall(method: string, path: string, body?: unknown) {
    const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: JSON.parse(await response.text()) };
  }

  it('opens one DM channel per user, of type 1 and in no guild', async () => {
    const alice = guild.user('alice');
    const first = await call('POST', '/users/@me/channels', { recipient_id: alice.id });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ type: 1, last_message_id: null, recipients: [{ id: alice.id }] });
    expect(first.body).not.toHaveProperty('guild_id');
    const again = await call('POST', '/users/@me/channels', { recipient_id: alice.id });
    expect(again.body.id).toBe(first.body.id);
    expect((await call('GET', `/channels/${first.body.id}`)).body).toMatchObject({ id: first.body.id, type: 1 });
    // Guild-only actions on a DM are the wrong channel type.
    expect((await call('POST', `/channels/${first.body.id}/threads`, { name: 'x', type: 12 })).body.code).toBe(50024);
    expect(sandbox.specViolations).toEqual([]);
  });

  it('refuses a DM with an unknown user or with the bot itself, and a malformed recipient', async () => {
    expect(await call('POST', '/users/@me/channels', { recipient_id: '12345678901234567' })).toEqual({
      status: 400,
      body: { code: 50033, message: 'Invalid Recipient(s)' },
    });
    expect(await call('POST', '/users/@me/channels', { recipient_id: sandbox.bot.userId })).toEqual({
      status: 400,
      body: { code: 50007, message: 'Cannot send messages to this user' },
    });
    const malformed = await call('POST', '/users/@me/channels', { recipient_id: 'alice' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe(50035);
    expect(malformed.body.errors).toHaveProperty('recipient_id');
  });

  it('delivers a message with components to the user, whose driver lists it', async () => {
    const sam = guild.user('sam');
    const dm = await call('POST', '/users/@me/channels', { recipient_id: sam.id });
    const components = [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'rate:5', label: 'Five' }] }];
    const sent = await call('POST', `/channels/${dm.body.id}/messages`, { content: 'How did we do?', components });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ channel_id: dm.body.id, content: 'How did we do?' });
    expect(sent.body).not.toHaveProperty('guild_id');
    const received = sandbox.driver.as(sam.id).directMessages();
    expect(received.map((message) => message.id)).toEqual([sent.body.id]);
    expect(received[0]?.components).toHaveLength(1);
    // The same list over the driver's HTTP routes.
    const overHttp = await driverCall('GET', `users/${sam.id}/direct-messages`);
    expect(overHttp.body.map((message: { id: string }) => message.id)).toEqual([sent.body.id]);
    expect(sandbox.driver.as(guild.user('mia').id).directMessages()).toEqual([]);
  });

  it('answers 403 50007 when the user closed DMs or shares no guild with the bot, and stores nothing', async () => {
    const mia = guild.user('mia');
    const dm = await call('POST', '/users/@me/channels', { recipient_id: mia.id });
    sandbox.driver.as(mia.id).setAllowsDirectMessages(false);
    const refused = await call('POST', `/channels/${dm.body.id}/messages`, { content: 'Your ticket was closed' });
    expect(refused).toEqual({ status: 403, body: { code: 50007, message: 'Cannot send messages to this user' } });
    expect(sandbox.driver.as(mia.id).directMessages()).toEqual([]);

    // Over HTTP the setting opens them again.
    expect(
      (await driverCall('POST', 'actions', { as: mia.id, action: 'setAllowsDirectMessages', allowed: true })).status,
    ).toBe(200);
    expect((await call('POST', `/channels/${dm.body.id}/messages`, { content: 'Now it arrives' })).status).toBe(200);

    const stranger = sandbox.state.createUser({ username: 'stranger' });
    const strangerDm = await call('POST', '/users/@me/channels', { recipient_id: stranger.id });
    expect(strangerDm.status).toBe(200);
    expect((await call('POST', `/channels/${strangerDm.body.id}/messages`, { content: 'hi' })).body.code).toBe(50007);
  });

  it('refuses a locale Discord does not have', async () => {
    expect(() => sandbox.driver.as(guild.user('alice').id).setLocale('xx')).toThrow(/not a Discord locale/);
    const answer = await driverCall('POST', 'actions', {
      as: guild.user('alice').id,
      action: 'setLocale',
      locale: 'de-XX',
    });
    expect(answer.status).toBe(400);
  });

  it('keeps DM channels, their messages and user settings in snapshots', async () => {
    const alice = guild.user('alice');
    const dm = await call('POST', '/users/@me/channels', { recipient_id: alice.id });
    await call('POST', `/channels/${dm.body.id}/messages`, { content: 'kept' });
    sandbox.driver.as(alice.id).setLocale('fr');
    const restored = new DiscordState({ restoreFrom: JSON.parse(JSON.stringify(sandbox.state.snapshot())) });
    expect(restored.dmChannels.get(dm.body.id)?.recipientIds).toEqual([sandbox.bot.userId, alice.id]);
    expect(restored.messagesIn(dm.body.id).map((message) => message.content)).toContain('kept');
    expect(restored.users.get(alice.id)?.locale).toBe('fr');
  });

  describe('through discord.js', () => {
    let client: Client<true>;

    beforeAll(async () => {
      client = await loginDiscordClient(sandbox, [...TICKET_BOT_INTENTS, GatewayIntentBits.DirectMessages]);
    });
    afterAll(() => client.destroy());

    it('sends a DM with a button; the press and its modal come from the DM with user, no member, and the locale', async () => {
      const alice = guild.user('alice');
      sandbox.driver.as(alice.id).setLocale('de');
      const user = await client.users.fetch(alice.id);
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('rating:open').setLabel('Bewerten').setStyle(ButtonStyle.Primary),
      );
      const sent = await user.send({ content: 'Wie war der Support?', components: [row] });
      expect(sent.channel.isDMBased()).toBe(true);

      const pressed = nextEvent(client, 'interactionCreate', (interaction) => interaction.isButton());
      const press = sandbox.driver.as(alice.id).pressButton(sent.channelId, sent.id, 'rating:open');
      const [button] = (await pressed) as [Interaction];
      if (!button.isButton()) throw new Error('expected a button');
      expect(button.user.id).toBe(alice.id);
      expect(button.guildId).toBeNull();
      expect(button.member).toBeNull();
      expect(button.locale).toBe('de');
      expect(button.context).toBe(1);
      expect(button.channel?.isDMBased()).toBe(true);
      expect(press.record.payload).not.toHaveProperty('guild_id');
      expect(press.record.payload).not.toHaveProperty('member');

      await button.showModal(
        new ModalBuilder()
          .setCustomId('rating:modal')
          .setTitle('Bewertung')
          .addLabelComponents(
            new LabelBuilder()
              .setLabel('Kommentar')
              .setTextInputComponent(
                new TextInputBuilder().setCustomId('comment').setStyle(TextInputStyle.Paragraph).setRequired(false),
              ),
          ),
      );
      await press.waitForModal();
      const submitted = nextEvent(client, 'interactionCreate', (interaction) => interaction.isModalSubmit());
      const submit = sandbox.driver.as(alice.id).submitModal(press, { comment: 'Sehr gut' });
      const [modal] = (await submitted) as [Interaction];
      if (!modal.isModalSubmit()) throw new Error('expected a modal submit');
      expect(modal.user.id).toBe(alice.id);
      expect(modal.guildId).toBeNull();
      expect(modal.locale).toBe('de');
      expect(modal.fields.getTextInputValue('comment')).toBe('Sehr gut');
      if (!modal.isFromMessage()) throw new Error('expected a modal from the DM message');
      await modal.update({ content: 'Danke!', components: [] });
      const updated = await submit.waitForReply();
      expect(updated).toMatchObject({ id: sent.id, content: 'Danke!', components: [] });
      expect(
        sandbox.driver
          .as(alice.id)
          .directMessages()
          .find((message) => message.id === sent.id)?.content,
      ).toBe('Danke!');
    });

    it('carries the chosen locale on guild interactions too', async () => {
      const sam = guild.user('sam');
      sandbox.driver.as(sam.id).setLocale('pt-BR');
      const channel = await client.channels.fetch(guild.channel('tickets').id);
      if (!channel?.isSendable()) throw new Error('expected a text channel');
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('claim').setLabel('Claim').setStyle(ButtonStyle.Secondary),
      );
      const message = await channel.send({ content: 'panel', components: [row] });
      const pressed = nextEvent(client, 'interactionCreate', (interaction) => interaction.isButton());
      sandbox.driver.as(sam.id).pressButton(channel.id, message.id, 'claim');
      const [button] = (await pressed) as [Interaction];
      expect(button.locale).toBe('pt-BR');
      expect(button.guildLocale).toBe('en-US');
      expect(button.member?.user.id).toBe(sam.id);
    });

    it('rejects user.send with DiscordAPIError 50007 when DMs are closed', async () => {
      const mia = guild.user('mia');
      sandbox.driver.as(mia.id).setAllowsDirectMessages(false);
      const user = await client.users.fetch(mia.id);
      const error = await user.send('Your ticket was closed').catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(50007);
      expect((error as DiscordAPIError).status).toBe(403);
      sandbox.driver.as(mia.id).setAllowsDirectMessages(true);
    });
  });
});
