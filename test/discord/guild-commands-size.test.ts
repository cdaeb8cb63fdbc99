import {
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  Routes,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordRest } from '../../activities/discord/rest-client.ts';
import { guildCommandsBody, registerTicketCommands } from '../../discord/ticket-command/register-ticket-command.ts';
import { GUILD_CONFIG_LIMITS } from '../../domain/guild-config.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { COMMAND_SIZE_MAX, commandSize } from '../../sandbox/discord/rest/validation/command-body.ts';
import { seedTicketGuild } from './discord-fixture.ts';

/** Discord's most subcommands, groups, options or choices at any one level. */
const ENTRIES_MAX = 25;

/** The largest number of entries at any level of a command's tree, with where it is. */
function widestLevel(named: { name: string; options?: APIApplicationCommandOption[] }, path = '/'): [number, string] {
  const here = `${path}${named.name}`;
  const children = named.options ?? [];
  const own: [number, string] = [
    Math.max(children.length, ...children.map((child) => ('choices' in child ? (child.choices?.length ?? 0) : 0))),
    here,
  ];
  return children.reduce<[number, string]>((widest, child) => {
    const inner = widestLevel(child as never, `${here} `);
    return inner[0] > widest[0] ? inner : widest;
  }, own);
}

describe('/ticket and /ticket-config against Discord’s limits', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    guild = seedTicketGuild(sandbox);
  });
  afterAll(() => sandbox.close());

  it('fit 8,000 characters each, counting every text at its longest localization, whatever the guild’s types', () => {
    const sizes = Object.fromEntries(guildCommandsBody().map((command) => [command.name, commandSize(command)]));
    // The measurement, for the record (README: "Command size").
    console.info(`guild command sizes of ${COMMAND_SIZE_MAX}: ${JSON.stringify(sizes)}`);
    expect(Object.keys(sizes)).toEqual(['ticket', 'ticket-config']);
    for (const size of Object.values(sizes)) expect(size).toBeLessThanOrEqual(COMMAND_SIZE_MAX);
    // The types are no part of the body: `open` suggests them by autocomplete, so 25 types cost nothing here.
    const open = guildCommandsBody()[0]?.options?.find((option) => option.name === 'open');
    expect(JSON.stringify(open)).not.toContain('choices');
    expect(GUILD_CONFIG_LIMITS.ticketTypes).toBe(ENTRIES_MAX);
  });

  it('keep every level to 25 entries', () => {
    for (const command of guildCommandsBody()) {
      const [widest, where] = widestLevel(command as never);
      expect(widest, where).toBeLessThanOrEqual(ENTRIES_MAX);
    }
  });

  it('replace the old /ticket with its config group in one bulk overwrite the local Discord accepts', async () => {
    const rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
    const route = Routes.applicationGuildCommands(sandbox.bot.applicationId, guild.guild.id);
    const oldShape = {
      name: 'ticket',
      description: 'Support tickets',
      options: [
        { type: ApplicationCommandOptionType.Subcommand, name: 'open', description: 'Open a ticket' },
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: 'config',
          description: 'Ticket settings',
          options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'show', description: 'Show them' }],
        },
      ],
    };
    const [before] = (await rest.put(route, { body: [oldShape] })) as APIApplicationCommand[];

    await registerTicketCommands(rest, { applicationId: sandbox.bot.applicationId, guildId: guild.guild.id });

    const registered = (await rest.get(route)) as APIApplicationCommand[];
    expect(registered.map((command) => command.name)).toEqual(['ticket', 'ticket-config']);
    const ticket = registered.find((command) => command.name === 'ticket');
    // Discord keeps a command's id across a bulk overwrite by name.
    expect(ticket?.id).toBe(before?.id);
    expect(ticket?.options?.map((option) => option.name)).not.toContain('config');
    const settings = registered.find((command) => command.name === 'ticket-config');
    expect(settings?.default_member_permissions).toBe((1n << 5n).toString());
  });
});
