import { DiscordAPIError, REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { seedTicketGuild } from './discord-fixture.ts';

/** What Discord answers a malformed request, as @discordjs/rest (and so discord.js) receives it. */
describe('Discord sandbox validation', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let rest: REST;

  beforeAll(async () => {
    // Every refusal here goes to one channel: the message limit would only slow the test, which is about bodies.
    sandbox = await createDiscordSandbox({ rateLimits: { routes: {} } });
    guild = seedTicketGuild(sandbox);
    rest = new REST({ api: sandbox.clientOptions().rest.api, retries: 0 }).setToken(sandbox.bot.token);
  });
  afterAll(() => sandbox.close());

  /** Discord's JSON body of the refusal. */
  async function refusal(request: Promise<unknown>) {
    const error = await request.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    return { status: (error as DiscordAPIError).status, ...((error as DiscordAPIError).rawError as object) };
  }
  const tickets = () => guild.channel('tickets').id;
  const send = (body: unknown) => rest.post(Routes.channelMessages(tickets()), { body });
  const row = (...components: unknown[]) => ({ type: 1, components });
  const button = (fields: object) => ({ type: 2, style: 1, custom_id: 'go', ...fields });

  it('answers an id that is no snowflake with 400 Invalid Form Body naming the parameter, not 404', async () => {
    expect(await refusal(rest.get(Routes.channel('abc')))).toEqual({
      status: 400,
      code: 50035,
      errors: {
        channel_id: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Value "abc" is not snowflake.' }] },
      },
      message: 'Invalid Form Body',
    });
    expect(await refusal(rest.put(Routes.threadMembers(tickets(), 'sam')))).toMatchObject({
      code: 50035,
      errors: { user_id: { _errors: [{ message: 'Value "sam" is not snowflake.' }] } },
    });
    // A well-formed id that names nothing is still Unknown Channel.
    expect(await refusal(rest.get(Routes.channel('1234567890123456789')))).toMatchObject({ status: 404, code: 10003 });
  });

  it('refuses a button with neither label nor emoji, and an emoji that names nothing', async () => {
    expect(await refusal(send({ components: [row(button({}))] }))).toMatchObject({
      code: 50035,
      errors: {
        components: {
          0: { components: { 0: { label: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } } } },
        },
      },
    });
    expect(await refusal(send({ components: [row(button({ emoji: {} }))] }))).toMatchObject({
      errors: {
        components: {
          0: {
            components: {
              0: {
                emoji: { name: { _errors: [{ code: 'BUTTON_COMPONENT_INVALID_EMOJI', message: 'Invalid emoji' }] } },
              },
            },
          },
        },
      },
    });
    await expect(send({ components: [row(button({ emoji: { name: '🎫' } }))] })).resolves.toMatchObject({
      components: [{ components: [{ emoji: { name: '🎫' } }] }],
    });
  });

  it('words a length with a minimum as "between", and one with only a maximum as "or fewer"', async () => {
    expect(await refusal(rest.post(Routes.threads(tickets()), { body: { name: '', type: 12 } }))).toMatchObject({
      errors: {
        name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] },
      },
    });
    expect(
      await refusal(send({ components: [row(button({ label: 'Go', custom_id: 'c'.repeat(101) }))] })),
    ).toMatchObject({
      errors: {
        components: {
          0: {
            components: {
              0: {
                custom_id: {
                  _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }],
                },
              },
            },
          },
        },
      },
    });
    expect(await refusal(send({ content: 'x'.repeat(2001) }))).toMatchObject({
      errors: {
        content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
      },
    });
  });

  it('reports a component error at its own path with its own message, not a bare "Invalid input"', async () => {
    const sixButtons = Array.from({ length: 6 }, (_, index) => button({ label: 'Go', custom_id: `b${index}` }));
    expect(await refusal(send({ components: [row(...sixButtons)] }))).toMatchObject({
      errors: {
        components: {
          0: {
            components: {
              _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' }],
            },
          },
        },
      },
    });
    // A text input belongs in a modal; in a message's row Discord names the types a row takes.
    const textInput = { type: 4, custom_id: 'why', style: 1, label: 'Why' };
    expect(await refusal(send({ components: [row(textInput)] }))).toMatchObject({
      errors: {
        components: {
          0: {
            components: {
              0: {
                _errors: [
                  { code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).' },
                ],
              },
            },
          },
        },
      },
    });
  });
  it('holds command localizations to the rules of what they translate, and counts the longest toward 8,000', async () => {
    const commands = Routes.applicationGuildCommands(sandbox.bot.applicationId, guild.guild.id);
    const ticket = (subcommand: object) => ({
      name: 'ticket',
      description: 'Tickets',
      description_localizations: { de: 'Tickets verwalten', 'pt-BR': 'Gerenciar tickets' },
      options: [{ type: 1, name: 'close', description: 'Close the ticket', ...subcommand }],
    });
    const saved = (await rest.put(commands, {
      body: [ticket({ name_localizations: { de: 'schließen', fr: 'fermer', 'es-ES': 'cerrar' } })],
    })) as { options: { name_localizations: Record<string, string> }[] }[];
    expect(saved[0]?.options[0]?.name_localizations).toEqual({ de: 'schließen', fr: 'fermer', 'es-ES': 'cerrar' });

    // A translated name with a space or a capital is no command name; a locale Discord lacks is refused.
    expect(
      await refusal(rest.put(commands, { body: [ticket({ name_localizations: { de: 'Ticket schließen' } })] })),
    ).toMatchObject({
      status: 400,
      code: 50035,
      errors: {
        0: {
          options: { 0: { name_localizations: { de: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } },
        },
      },
    });
    expect(
      await refusal(rest.put(commands, { body: [ticket({ name_localizations: { 'de-DE': 'schliessen' } })] })),
    ).toMatchObject({
      errors: { 0: { options: { 0: { name_localizations: { 'de-DE': { _errors: [{ code: 'LOCALE_INVALID' }] } } } } } },
    });
    expect(
      await refusal(rest.put(commands, { body: [ticket({ description_localizations: { fr: 'x'.repeat(101) } })] })),
    ).toMatchObject({
      errors: {
        0: { options: { 0: { description_localizations: { fr: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } } },
      },
    });
    // 25 options of 32 + 100 characters fit (3,300); give each 25 choices whose short names (about 7,000 in all)
    // have 100-character translations, and the longest texts count: past 8,000.
    const options = (translation: number) =>
      Array.from({ length: 25 }, (_, index) => ({
        type: 3,
        name: `o${String(index).padStart(2, '0')}${'x'.repeat(29)}`,
        description: 'd'.repeat(100),
        description_localizations: { de: 'd'.repeat(translation) },
      }));
    const big = (translation: number) => [
      { name: 'big', description: 'Big', options: options(translation).map((option) => ({ ...option })) },
    ];
    expect((await rest.put(commands, { body: big(100) })) as unknown[]).toHaveLength(1);
    const tooBig = big(100).map((command) => ({
      ...command,
      options: command.options.map((option) => ({
        ...option,
        choices: Array.from({ length: 25 }, (_, index) => ({
          name: `c${index}`,
          name_localizations: { de: 'n'.repeat(100) },
          value: `v${index}`,
        })),
      })),
    }));
    expect(await refusal(rest.put(commands, { body: tooBig }))).toMatchObject({
      errors: { 0: { _errors: [{ code: 'APPLICATION_COMMAND_TOO_LARGE' }] } },
    });
  });
});
