import { DiscordAPIError, type REST } from '@discordjs/rest';
import {
  type APIApplicationCommandAutocompleteInteraction,
  ApplicationCommandOptionType,
  GatewayDispatchEvents,
  InteractionResponseType,
  InteractionType,
  Routes,
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

/** Options that suggest values as the user types: registration, the interaction, and the answer's limits. */
describe('Discord sandbox autocomplete', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let rest: REST;
  /** Added to the sandbox clock: moves the 3-second deadline without fake timers. */
  let clockOffsetMs = 0;
  const created: APIApplicationCommandAutocompleteInteraction[] = [];

  const command = {
    name: 'ticket',
    description: 'Ticket tools',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'open',
        description: 'Open a ticket',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'type',
            description: 'Type',
            required: true,
            autocomplete: true,
          },
          { type: ApplicationCommandOptionType.String, name: 'note', description: 'Note' },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'page',
        description: 'A page',
        options: [
          { type: ApplicationCommandOptionType.Integer, name: 'number', description: 'Page', autocomplete: true },
        ],
      },
    ],
  };

  beforeAll(async () => {
    sandbox = await createDiscordSandbox({ now: () => Date.now() + clockOffsetMs });
    guild = seedTicketGuild(sandbox);
    rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
    sandbox.state.onDispatch((dispatch) => {
      if (dispatch.event === GatewayDispatchEvents.InteractionCreate)
        created.push(dispatch.data as APIApplicationCommandAutocompleteInteraction);
    });
    await rest.put(Routes.applicationGuildCommands(sandbox.bot.applicationId, guild.guild.id), { body: [command] });
  });
  afterAll(() => sandbox.close());

  const alice = () => sandbox.driver.as(guild.user('alice').id);
  const typeIn = (typed: string, subcommand = 'open', name = 'type') =>
    alice().typeInOption(guild.channel('tickets').id, 'ticket', { subcommand, focused: { name, typed } });
  const suggest = (interaction: SandboxInteraction, choices: unknown[]) =>
    rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } },
      auth: false,
    });
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    return error as DiscordAPIError;
  };

  it('refuses autocomplete beside choices, or on an option that takes no typed value', async () => {
    const route = Routes.applicationGuildCommands(sandbox.bot.applicationId, guild.guild.id);
    const withOption = (option: Record<string, unknown>) => ({
      name: 'other',
      description: 'Other',
      options: [{ name: 'value', description: 'Value', ...option }],
    });
    const refused = async (option: Record<string, unknown>) =>
      (await failure(rest.put(route, { body: [command, withOption(option)] }))).rawError;
    expect(
      await refused({
        type: ApplicationCommandOptionType.String,
        autocomplete: true,
        choices: [{ name: 'a', value: 'a' }],
      }),
    ).toMatchObject({ code: 50035, errors: { 1: { options: { 0: { autocomplete: {} } } } } });
    expect(await refused({ type: ApplicationCommandOptionType.User, autocomplete: true })).toMatchObject({
      code: 50035,
    });
  });

  it('sends the typed text as the focused option, and shows the suggestions the app answers with', async () => {
    const typing = typeIn('bil');
    const payload = created.at(-1);
    expect(payload?.type).toBe(InteractionType.ApplicationCommandAutocomplete);
    expect(payload?.data.options).toEqual([
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'open',
        options: [{ type: ApplicationCommandOptionType.String, name: 'type', value: 'bil', focused: true }],
      },
    ]);
    await suggest(typing, [{ name: 'Billing', name_localizations: { de: 'Rechnung' }, value: 'billing' }]);
    const { choices, ackMs } = await typing.waitForChoices();
    expect(choices).toEqual([{ name: 'Billing', name_localizations: { de: 'Rechnung' }, value: 'billing' }]);
    expect(ackMs).toBeLessThanOrEqual(3_000);
  });

  it('holds the answer to Discord’s limits: 25 suggestions, names of 1–100, values of the option’s type', async () => {
    const refusedWith = async (choices: unknown[], typing = typeIn('x')) =>
      (await failure(suggest(typing, choices))).rawError;
    const many = Array.from({ length: 26 }, (_, index) => ({ name: `t${index}`, value: `t${index}` }));
    expect(await refusedWith(many)).toMatchObject({ code: 50035, errors: { data: { choices: {} } } });
    expect(await refusedWith([{ name: 'x'.repeat(101), value: 'x' }])).toMatchObject({ code: 50035 });
    expect(await refusedWith([{ name: '', value: 'x' }])).toMatchObject({ code: 50035 });
    expect(await refusedWith([{ name: 'x', value: 'x'.repeat(101) }])).toMatchObject({ code: 50035 });
    expect(await refusedWith([{ name: 'one', value: 1 }])).toMatchObject({ code: 50035 });
    expect(await refusedWith([{ name: 'page', value: 'one' }], typeIn('1', 'page', 'number'))).toMatchObject({
      code: 50035,
    });
    expect(await refusedWith([{ name: 'half', value: 1.5 }], typeIn('1', 'page', 'number'))).toMatchObject({
      code: 50035,
    });
    // 25 is fine, and a refused answer left the interaction open for a good one.
    const typing = typeIn('t');
    await failure(suggest(typing, many));
    await suggest(typing, many.slice(0, 25));
    expect((await typing.waitForChoices()).choices).toHaveLength(25);
  });

  it('takes nothing but suggestions, and nothing after 3 seconds', async () => {
    const typing = typeIn('b');
    const asMessage = await failure(
      rest.post(Routes.interactionCallback(typing.id, typing.token), {
        body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'hi' } },
        auth: false,
      }),
    );
    expect(asMessage.code).toBe(50035);
    await suggest(typing, []);
    // An answered autocomplete has no messages to follow up on.
    const followUp = await failure(
      rest.post(Routes.webhook(sandbox.bot.applicationId, typing.token), { body: { content: 'more' }, auth: false }),
    );
    expect(followUp.code).toBe(10015);

    const late = typeIn('c');
    clockOffsetMs += 3_001;
    const error = await failure(suggest(late, []));
    expect([error.status, error.code]).toEqual([404, 10062]);
  });

  it('types only in an option with autocomplete, and not in one already given', () => {
    expect(() => typeIn('x', 'open', 'note')).toThrow(SandboxDriverError);
    expect(() =>
      alice().typeInOption(guild.channel('tickets').id, 'ticket', {
        subcommand: 'open',
        options: { type: 'billing' },
        focused: { name: 'type', typed: 'b' },
      }),
    ).toThrow(SandboxDriverError);
  });
});
