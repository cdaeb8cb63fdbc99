import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  type Client,
  Events,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/discord/modal-form.ts';
import { runDiscordCli } from '../../cli/discord.ts';
import { type DemoSandbox, startDemoSandbox } from '../../sandbox/demo/start-demo-sandbox.ts';
import { temporaryDataDir } from '../sandbox/sandbox-world.ts';
import { loginDiscordClient } from '../support/discord-client.ts';
import { freePort } from '../support/free-port.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** 2026-11-20 07:05:09 UTC: 4:05 PM in Tokyo, the zone the markup test's terminal is in. */
const MARKUP_TIME_MS = Date.UTC(2026, 10, 20, 7, 5, 9);
const run = promisify(execFile);

/** The terminal as a test plays it: what was printed, and the lines typed in answer to questions. */
function scriptedIo(typed: string[] = []): CliIo & { printed: string[]; asked: string[] } {
  const printed: string[] = [];
  const asked: string[] = [];
  return {
    printed,
    asked,
    print: (text) => printed.push(text),
    ask: async (prompt) => {
      asked.push(prompt);
      return typed.shift() ?? null;
    },
  };
}

describe('npm run discord, against a demo local Discord', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
  let demo: DemoSandbox;
  let bot: Client<true>;
  let env: NodeJS.ProcessEnv;
  const seenByBot: string[] = [];

  const cli = async (argv: string[], typed: string[] = []) => {
    const io = scriptedIo(typed);
    await runDiscordCli(argv, io, env);
    return io;
  };
  const aliceOpensTicket = ['as', 'alice', 'press', 'tickets', 'Open ticket'];
  const textChannel = async (id: string) => {
    const channel = await bot.channels.fetch(id);
    if (channel?.type !== ChannelType.GuildText) throw new Error(`channel ${id} is not a text channel`);
    return channel;
  };
  const failure = (argv: string[]) =>
    runDiscordCli(argv, scriptedIo(), env).then(
      () => 'no error',
      (error: Error) => error.message,
    );

  beforeAll(async () => {
    dataDir = await temporaryDataDir();
    demo = await startDemoSandbox({ dataDir: dataDir.path, port: 0 });
    env = { DISCORD_SANDBOX_URL: demo.sandbox.url };
    // A small stand-in for the ticket bot, through the real discord.js client: a panel, a form, a command.
    bot = await loginDiscordClient(demo.sandbox);
    const guild = bot.guilds.cache.get(demo.world.guildId);
    await guild?.commands.set([
      new SlashCommandBuilder()
        .setName('ticket')
        .setDescription('Tickets')
        .addSubcommand((sub) =>
          sub
            .setName('close')
            .setDescription('Close')
            .addStringOption((option) => option.setName('reason').setDescription('Why')),
        )
        .toJSON(),
    ]);
    bot.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isButton() && interaction.customId === 'ask') {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('questions')
            .setTitle('Support')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder()
                  .setCustomId('need')
                  .setLabel('What do you need help with?')
                  .setStyle(TextInputStyle.Paragraph),
              ),
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder()
                  .setCustomId('order')
                  .setLabel('Order number (if any)')
                  .setStyle(TextInputStyle.Short)
                  .setRequired(false)
                  .setMaxLength(6),
              ),
            ),
        );
      } else if (interaction.isModalSubmit()) {
        const need = interaction.fields.getTextInputValue('need');
        const order = interaction.fields.getTextInputValue('order');
        seenByBot.push(`form ${need} / ${order}`);
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply({
          content: `Opened for: ${need}`,
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('confirm').setLabel('Confirm').setStyle(ButtonStyle.Danger),
            ),
          ],
        });
      } else if (interaction.isButton() && interaction.customId === 'another') {
        // As the ticket bot does: the answer names a thread made a moment ago, people, a role and times.
        const reminders = await textChannel(demo.world.channels.reminders);
        const thread = await reminders.threads.create({ name: '0002-billing-alice', type: ChannelType.PrivateThread });
        await thread.members.add(interaction.user.id);
        const at = MARKUP_TIME_MS / 1000;
        await interaction.reply({
          content: `Your ticket #2 is open: <#${thread.id}> for <@${interaction.user.id}>, <@&${demo.world.roles.staff}> told. Opened <t:${at}:f> (<t:${at}>), closes <t:${at}:t> <t:${at}:D> <t:${at}:R>`,
          embeds: [
            {
              title: 'Ticket settings',
              description: `**Ticket channel:** <#${thread.parentId}>\n**Staff roles:** none`,
            },
          ],
          flags: MessageFlags.Ephemeral,
        });
      } else if (interaction.isButton() && interaction.customId === 'confirm') {
        seenByBot.push(`confirm by ${interaction.user.username}`);
        await interaction.update({ content: 'Confirmed', components: [] });
      } else if (interaction.isStringSelectMenu()) {
        seenByBot.push(`chose ${interaction.values.join(',')}`);
        await interaction.reply({ content: `You chose ${interaction.values[0]}`, flags: MessageFlags.Ephemeral });
      } else if (interaction.isChatInputCommand()) {
        seenByBot.push(`/ticket ${interaction.options.getSubcommand()} ${interaction.options.getString('reason')}`);
        await interaction.reply({ content: 'Closed', flags: MessageFlags.Ephemeral });
      }
      // The button "Nobody home" is never answered, as when the bot is not running.
    });
    const tickets = await textChannel(demo.world.channels.tickets);
    await tickets.send({
      content: '**Need help from staff?**',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('ask').setLabel('Open ticket').setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId('silent').setLabel('Nobody home').setStyle(ButtonStyle.Secondary),
        ),
        new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder()
            .setCustomId('types')
            .setPlaceholder('Choose what your ticket is about')
            .addOptions({ label: 'Support', value: 'support' }, { label: 'Billing', value: 'billing' }),
        ),
      ],
    });
    await (await textChannel(demo.world.channels.reminders)).send({
      content: 'Open another ticket',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('another').setLabel('Another').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const thread = await tickets.threads.create({ name: '0001-support-alice', type: ChannelType.PrivateThread });
    await thread.members.add(demo.world.members.alice?.id ?? '');
    await thread.members.add(demo.world.members.sam?.id ?? '');
  });

  afterAll(async () => {
    await bot?.destroy();
    await demo?.close();
    await dataDir?.remove();
  });

  it('lists the members with their roles, and the channels with their threads', async () => {
    const users = (await cli(['users'])).printed.join('\n');
    expect(users).toMatch(/alice\s+member/);
    expect(users).toMatch(/sam\s+Staff/);
    expect(users).not.toContain('Ticketflow');
    const channels = (await cli(['channels'])).printed.join('\n');
    expect(channels).toContain(`Ticketflow Demo (guild ${demo.world.guildId})`);
    expect(channels).toMatch(/#tickets\s+text channel/);
    expect(channels).toMatch(/↳ #0001-support-alice\s+private thread/);
    // Bob is not in alice's private thread, so his client does not show it.
    expect((await cli(['as', 'bob', 'channels'])).printed.join('\n')).not.toContain('0001');
  });

  it('names in its help whom one can play, and that only owner may configure tickets', async () => {
    const help = (await cli(['--help'])).printed.join('\n');
    expect(help).toContain('Act as a member (USER: alice, bob, sam, kim, owner)');
    expect(help).toContain('owner, who owns the guild and\nso is the only one who may run /ticket-config');
  });

  it('says something in a thread found by ticket number, and reads it back with its author', async () => {
    await cli(['as', 'alice', 'say', '1', 'My order never arrived']);
    const read = (await cli(['read', '#0001-support-alice', '--last', '1'])).printed;
    expect(read[0]).toBe('#0001-support-alice (private thread)');
    expect(read.join('\n')).toMatch(/alice\n {4}My order never arrived/);
    expect(await failure(['as', 'bob', 'read', '1'])).toMatch(/bob cannot see channel 0001-support-alice/);
  });

  it('numbers the buttons and selects of #tickets', async () => {
    const read = (await cli(['read', '#tickets'])).printed.join('\n');
    expect(read).toContain('Ticketflow (bot)');
    expect(read).toContain(
      '[1] Open ticket   [2] Nobody home   [3] Choose what your ticket is about: Support | Billing',
    );
  });

  it('says plainly that nobody answered a button within 3 s', async () => {
    const started = Date.now();
    expect(await failure(['as', 'alice', 'press', '#tickets', 'Nobody home'])).toMatch(
      /^nobody answered within 3 s, so Discord would show "This interaction failed"\. Is the bot running\? .*bash scripts\/restart\.sh bot restarts it\.$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  });

  it('fills the form the bot shows, asking again when an answer does not fit, then presses the private answer', async () => {
    const io = await cli(['as', 'alice', 'press', 'tickets', '1'], ['', 'It broke', '1234567', '']);
    expect(io.asked).toEqual([
      'What do you need help with? (one line; \\n for a new line): ',
      'What do you need help with? (one line; \\n for a new line): ',
      'Order number (if any) (at most 6 characters; optional, Enter to skip): ',
      'Order number (if any) (at most 6 characters; optional, Enter to skip): ',
    ]);
    expect(io.printed).toContain('  this field is required');
    expect(io.printed).toContain('  at most 6 characters');
    expect(seenByBot).toContain('form It broke / ');
    const answer = io.printed.join('\n');
    expect(answer).toMatch(
      /The bot answered:\n.*Ticketflow \(bot\) {2}\(only you see this, edited\)\n {4}Opened for: It broke/,
    );
    expect(answer).toContain('[4] Confirm');
    // Only alice's client shows her private answer, and the button on it works by its label.
    expect((await cli(['read', 'tickets'])).printed.join('\n')).not.toContain('Confirm');
    const confirmed = await cli(['as', 'alice', 'press', 'tickets', 'confirm']);
    expect(seenByBot).toContain('confirm by alice');
    expect(confirmed.printed.join('\n')).toMatch(/The bot updated the message:\n.*\n {4}Confirmed/);
  });

  it('takes the answers ahead with --answer, and refuses one that does not fit', async () => {
    await cli([...aliceOpensTicket, '--answer', 'What do=Refund\\nplease', '--answer', '2=42']);
    expect(seenByBot).toContain('form Refund\nplease / 42');
    expect(await failure([...aliceOpensTicket, '--answer', 'Order=far too long'])).toBe(
      '--answer "Order number (if any)": at most 6 characters',
    );
  });

  it("shows mentions and times in the bot's answer as Discord's client does, naming the thread it just made", async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const answer = (await cli(['as', 'alice', 'press', '#ticket-reminders', 'Another'])).printed.join('\n');
      expect(answer).toContain(
        'Your ticket #2 is open: #0002-billing-alice for @alice, @Staff told. ' +
          'Opened November 20, 2026 at 4:05 PM (November 20, 2026 at 4:05 PM), closes 4:05 PM November 20, 2026 ',
      );
      expect(answer).toMatch(/November 20, 2026 (in \d+ \w+|\d+ \w+ ago)$/m);
      expect(answer).not.toMatch(/<[#@t]/);
      // Every line of an embed's description keeps the embed's bar.
      expect(answer).toContain(
        '    ┃ Ticket settings — **Ticket channel:** #ticket-reminders\n    ┃ **Staff roles:** none',
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('leaves optional questions empty when there is no terminal to ask them on, and names a missing required one', async () => {
    const io = await cli([...aliceOpensTicket, '--answer', 'What do=Nobody at the keyboard']);
    expect(seenByBot).toContain('form Nobody at the keyboard / ');
    expect(io.printed).toContain('  (left empty)');
    expect(await failure(aliceOpensTicket)).toBe(
      'the form asks "What do you need help with?", which is required, and there is no terminal to answer it on; ' +
        'give it with --answer "What do you need help with?=..."',
    );
  });

  it('chooses an option of a select by its label', async () => {
    const io = await cli(['as', 'alice', 'choose', '#tickets', 'Choose what', 'billing']);
    expect(seenByBot).toContain('chose billing');
    expect(io.printed.join('\n')).toContain('You chose billing');
  });

  it('runs a slash command written as in Discord', async () => {
    const io = await cli(['as', 'sam', 'run', '1', '/ticket close reason:Solved, thanks']);
    expect(seenByBot).toContain('/ticket close Solved, thanks');
    expect(io.printed.join('\n')).toContain('Closed');
    expect(await failure(['as', 'sam', 'run', '1', '/ticket reopen'])).toBe('/ticket has no "reopen"; it has close');
  });

  it('names the valid members, channels and buttons when one is unknown', async () => {
    expect(await failure(['as', 'zed', 'say', 'tickets', 'hi'])).toBe(
      'there is no member "zed"; the members are owner, alice, bob, sam, kim',
    );
    expect(await failure(['read', '#nope'])).toMatch(/^there is no channel or thread "#nope"; there are #tickets, /);
    expect(await failure(['as', 'bob', 'press', 'tickets', 'Reopen'])).toBe(
      'there is no button "Reopen" in #tickets; its buttons are [1] Open ticket, [2] Nobody home',
    );
  });

  it('works as a command: prints the channels, and fails with a plain sentence and status 1', async () => {
    const tsx = `${repoRoot}node_modules/.bin/tsx`;
    const { stdout } = await run(tsx, ['cli/discord.ts', 'channels'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    expect(stdout).toContain('#tickets');
    // From a script, with nothing on stdin: the optional question is left empty.
    const scripted = spawn(
      tsx,
      ['cli/discord.ts', 'as', 'bob', 'press', 'tickets', 'Open ticket', '--answer', 'What do=From a script'],
      { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let printed = '';
    scripted.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    expect(await once(scripted, 'exit')).toEqual([0, null]);
    expect(seenByBot).toContain('form From a script / ');
    expect(printed).toContain(
      'Order number (if any) (at most 6 characters; optional, Enter to skip): \n  (left empty)\n',
    );
    const port = await freePort();
    const down = await run(tsx, ['cli/discord.ts', 'users'], {
      cwd: repoRoot,
      env: { ...process.env, DISCORD_SANDBOX_URL: `http://127.0.0.1:${port}` },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(down).toMatchObject({
      code: 1,
      stderr: `the local Discord is not running at http://127.0.0.1:${port}; start it with: bash scripts/start.sh (or point DISCORD_SANDBOX_URL at it)\n`,
    });
  });
});
