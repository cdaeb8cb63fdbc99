import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { seedTicketGuild } from '../discord/discord-fixture.ts';
import { loginDiscordClient } from '../support/discord-client.ts';

/** An unmodified discord.js client answering a slash command, a button and a modal the driver plays. */
describe('Discord sandbox interactions with discord.js', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let client: Client<true>;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    guild = seedTicketGuild(sandbox);
    client = await loginDiscordClient(sandbox);
    await client.guilds.cache.get(guild.guild.id)?.commands.set([
      new SlashCommandBuilder()
        .setName('ticket')
        .setDescription('Tickets')
        .addSubcommand((open) =>
          open
            .setName('open')
            .setDescription('Open one')
            .addStringOption((topic) => topic.setName('topic').setDescription('About').setRequired(true)),
        )
        .toJSON(),
    ]);
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply({
          content: `Topic: ${interaction.options.getString('topic', true)} (${interaction.options.getSubcommand()})`,
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('details').setLabel('Add details').setStyle(ButtonStyle.Primary),
            ),
          ],
        });
      } else if (interaction.isButton()) {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('details-modal')
            .setTitle('Details')
            .addLabelComponents(
              new LabelBuilder()
                .setLabel('What happened?')
                .setTextInputComponent(
                  new TextInputBuilder().setCustomId('what').setStyle(TextInputStyle.Paragraph).setMinLength(3),
                ),
            ),
        );
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({ content: `Noted: ${interaction.fields.getTextInputValue('what')}` });
      }
    });
  });
  afterAll(async () => {
    await client?.destroy();
    await sandbox?.close();
  });

  it('runs a slash command, a button and a modal end to end', async () => {
    const alice = sandbox.driver.as(guild.user('alice').id);
    const tickets = guild.channel('tickets').id;
    const command = alice.runSlashCommand(tickets, 'ticket', { subcommand: 'open', options: { topic: 'printer' } });
    expect((await command.waitForAck()).ackMs).toBeLessThan(3_000);
    const reply = await command.waitForReply();
    expect(reply).toMatchObject({ content: 'Topic: printer (open)', flags: MessageFlags.Ephemeral });

    // Only alice sees her ephemeral reply, so only she can press its button.
    expect(() => sandbox.driver.as(guild.user('sam').id).pressButton(tickets, reply.id, 'details')).toThrow(
      /ephemeral/,
    );
    const press = alice.pressButton(tickets, reply.id, 'details');
    expect(await press.waitForModal()).toMatchObject({ custom_id: 'details-modal', title: 'Details' });

    expect(() => alice.submitModal(press, { what: 'no' })).toThrow(/3–4000 characters/);
    const submit = alice.submitModal(press, { what: 'It caught fire' });
    expect(await submit.waitForReply()).toMatchObject({
      content: 'Noted: It caught fire',
      author: { id: sandbox.bot.userId },
    });
    expect(sandbox.state.messagesIn(tickets).map((message) => message.content)).toContain('Noted: It caught fire');
  });
});
