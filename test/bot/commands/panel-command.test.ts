import { ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandWorld, componentsOf, startCommandWorld } from './command-world.ts';

let world: CommandWorld;

beforeAll(async () => {
  world = await startCommandWorld();
});

afterAll(async () => {
  await world?.stop();
});

const panel = (channelId: string) => ({ subcommand: 'panel', options: { channel: channelId } });
const messagesIn = (channelId: string) => world.sandbox.state.messagesIn(channelId);

describe('/ticket panel', () => {
  it('asks for the setup first', async () => {
    const lobby = world.channel('lobby').id;
    expect((await world.ticket('ada', panel(lobby))).text).toBe(
      'Tickets are not set up yet: start with `/ticket-config ticket-channel`.',
    );
    expect(messagesIn(lobby)).toEqual([]);
  });

  it('posts the Open-ticket button of the only type in the chosen channel', async () => {
    const lobby = world.channel('lobby').id;
    await world.ticketConfig('ada', {
      subcommand: 'ticket-channel',
      options: { channel: world.channel('tickets').id },
    });
    await world.ticketConfig('ada', {
      group: 'staff-role',
      subcommand: 'add',
      options: { role: world.role('Staff').id },
    });

    const { text } = await world.ticket('sam', panel(lobby));
    const posted = messagesIn(lobby);
    expect(posted).toHaveLength(1);
    expect(text).toMatch(
      new RegExp(`^Posted the ticket panel in <#${lobby}>: .*/channels/${world.guildId}/${lobby}/${posted[0]?.id}$`),
    );
    expect(posted[0]?.author.id).toBe(world.sandbox.bot.userId);
    expect(componentsOf(posted[0])).toMatchObject([
      {
        type: ComponentType.Button,
        custom_id: 'tpanel:support',
      },
    ]);
  });

  it('posts a type menu once the guild has several types', async () => {
    const histories = world.channel('histories').id;
    await world.ticketConfig('ada', {
      group: 'type',
      subcommand: 'add',
      options: { key: 'billing', name: 'Billing' },
    });
    await world.ticket('ada', panel(histories));
    const [menu] = componentsOf(messagesIn(histories)[0]);
    expect(menu).toMatchObject({ type: ComponentType.StringSelect, custom_id: 'tpick:types' });
    expect(menu?.type === ComponentType.StringSelect && menu.options.map((option) => option.value)).toEqual([
      'support',
      'billing',
    ]);
  });

  it('refuses members who are not staff', async () => {
    const lobby = world.channel('lobby').id;
    expect((await world.ticket('alice', panel(lobby))).text).toBe('Only staff can post the ticket panel.');
    expect(messagesIn(lobby)).toHaveLength(1);
  });

  it('says so in plain words when Discord refuses the bot the channel', async () => {
    const { text } = await world.ticket('sam', panel(world.readOnly.id));
    expect(text).toBe(
      `I cannot post in <#${world.readOnly.id}>: give me View Channel and Send Messages there, then try again.`,
    );
    expect(messagesIn(world.readOnly.id)).toEqual([]);
  });
});
