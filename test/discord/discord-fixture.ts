import { ApplicationFailure } from '@temporalio/common';
import { expect } from 'vitest';
import { createDiscordActivities, createDiscordRest, type DiscordRestOptions } from '../../activities/discord/index.ts';
import type { TicketFacts } from '../../domain/ticket.ts';
import { type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';

/** A ticket guild: staff in two staff roles, a role to ping, a customer, a staff bot, and the ticket channels. */
export function seedTicketGuild(sandbox: DiscordSandbox) {
  const seeded = seedGuild(sandbox.state, {
    botUserId: sandbox.bot.userId,
    roles: [
      { name: 'Staff' },
      { name: 'Moderators' },
      { name: 'Ticket alerts', mentionable: true },
      { name: 'Regulars' },
    ],
    members: [
      { username: 'alice', roles: ['Regulars'] },
      { username: 'sam', roles: ['Staff'] },
      { username: 'mia', roles: ['Moderators', 'Regulars'] },
      { username: 'helperbot', roles: ['Staff'], bot: true },
    ],
    textChannels: ['tickets', 'ticket-history'],
  });
  const pick = <T>(map: Map<string, T>, key: string): T => {
    const value = map.get(key);
    if (!value) throw new Error(`seed has no ${key}`);
    return value;
  };
  return {
    ...seeded,
    role: (name: string) => pick(seeded.roles, name),
    user: (name: string) => pick(seeded.users, name),
    channel: (name: string) => pick(seeded.channels, name),
  };
}

/** A seeded guild with one ticket thread (`ticket-0042`) made through the activities, which come with it. */
export async function seedTicketThread(sandbox: DiscordSandbox) {
  const guild = seedTicketGuild(sandbox);
  const activities = discordActivities(sandbox);
  const { threadId } = await activities.createTicketThread({
    guildId: guild.guild.id,
    channelId: guild.channel('tickets').id,
    name: 'ticket-0042',
  });
  return { guild, activities, threadId };
}

/** The activities over a real @discordjs/rest client pointed at the sandbox. */
export function discordActivities(sandbox: DiscordSandbox, options: Partial<DiscordRestOptions> = {}) {
  return createDiscordActivities(
    createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl, ...options }),
  );
}

export function ticketFacts(overrides: Partial<TicketFacts> & Pick<TicketFacts, 'guildId' | 'creatorId'>): TicketFacts {
  return {
    number: 42,
    typeName: 'Support',
    creatorName: 'alice',
    assigneeId: null,
    threadId: null,
    openedAt: Date.UTC(2026, 0, 5, 9, 30),
    ...overrides,
  };
}

/** Awaits a promise that must fail with an ApplicationFailure of this type, and returns it. */
export async function failureOf(promise: Promise<unknown>, type: string): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  const failure = error as ApplicationFailure;
  expect(failure.type).toBe(type);
  return failure;
}
