import { expect } from 'vitest';
import {
  createDatabaseActivities,
  type DatabaseActivities,
} from '../../activities/database/create-database-activities.ts';
import type { GuildConfigInput } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS, type PlanCatalogue } from '../../domain/plans.ts';
import type { OpenTicketRequest, Registration, TicketMessage } from '../../domain/ticket.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';

let lastId = 100_000_000_000_000_000n;

/** A Discord id no other fixture in this process uses. */
export function newSnowflake(): string {
  lastId += 1n;
  return lastId.toString();
}

export function guildConfigInput(overrides: Partial<GuildConfigInput> = {}): GuildConfigInput {
  return {
    staffRoleIds: [newSnowflake(), newSnowflake()],
    ticketChannelId: newSnowflake(),
    historiesChannelId: newSnowflake(),
    notificationRoleId: newSnowflake(),
    notificationsEnabled: true,
    ticketTypes: [
      {
        key: 'support',
        name: 'Support',
        openingMessage: 'Staff will be with you shortly.',
        questions: [{ label: 'What happened?' }, { label: 'Since when?', style: 'short' }],
        openLimit: 1,
      },
      { key: 'billing', name: 'Billing', openLimit: 2 },
    ],
    ...overrides,
  };
}

export function openRequest(guildId: string, creatorId: string, type = 'support'): OpenTicketRequest {
  return {
    guildId,
    type,
    creator: { id: creatorId, name: `member-${creatorId.slice(-4)}` },
    answers: [
      { question: 'What happened?', answer: 'The bot ignores me.' },
      { question: 'Since when?', answer: 'Today' },
    ],
  };
}

export function message(overrides: Partial<TicketMessage> & { createdAt: number }): TicketMessage {
  return {
    id: newSnowflake(),
    authorId: newSnowflake(),
    authorName: 'member',
    authorIsBot: false,
    content: 'hello',
    attachments: [],
    editedAt: null,
    ...overrides,
  };
}

export function expectRegistered(registration: Registration): Extract<Registration, { outcome: 'registered' }> {
  if (registration.outcome !== 'registered')
    throw new Error(`expected registered, got ${JSON.stringify(registration)}`);
  return registration;
}

/**
 * `count` tickets opened now by other members of `guildId`, registered as the ticket workflow's registerTicket
 * activity registers each open (number, counter, opened_at): what the monthly ticket limit counts.
 */
export async function registerOthersTickets(prisma: PrismaClient, guildId: string, count: number): Promise<void> {
  const database = createDatabaseActivities(prisma, { plans: DEFAULT_PLANS, publicUrl: undefined });
  for (let index = 0; index < count; index++) {
    const request = openRequest(guildId, newSnowflake());
    expectRegistered(
      await database.registerTicket({ workflowId: `registered-${index}`, request, openedAt: Date.now() }),
    );
  }
}

/** Every row the ticket workflow's writes can touch in one guild, to prove a refused call wrote nothing. */
export async function guildFootprint(prisma: PrismaClient, guildId: string) {
  const [tickets, events, messages, members, counter] = await Promise.all([
    prisma.ticket.findMany({ where: { guildId }, orderBy: { number: 'asc' } }),
    prisma.ticketEvent.findMany({ where: { guildId }, orderBy: { id: 'asc' } }),
    prisma.ticketMessage.findMany({ where: { guildId }, orderBy: { id: 'asc' } }),
    prisma.ticketMember.findMany({ where: { guildId }, orderBy: { userId: 'asc' } }),
    prisma.guildTicketCounter.findUnique({ where: { guildId } }),
  ]);
  return { tickets, events, messages, members, counter };
}

/** Asserts a call failed as a final (non-retryable) Temporal ApplicationFailure of the given type. */
export async function expectNonRetryable(call: Promise<unknown>, type: string, messagePart: string): Promise<void> {
  await expect(call).rejects.toMatchObject({
    name: 'ApplicationFailure',
    type,
    nonRetryable: true,
    message: expect.stringContaining(messagePart),
  });
}

/** A new guild with the default configuration (guildConfigInput), saved under the plans given; returns its id. */
export async function configuredGuild(prisma: PrismaClient, plans: PlanCatalogue = DEFAULT_PLANS): Promise<string> {
  const guildId = newSnowflake();
  await createGuildConfigRepository(prisma, plans).saveGuildConfig(
    guildId,
    permissiveGuildDirectory,
    guildConfigInput(),
  );
  return guildId;
}

/** A freshly configured guild with one ticket registered in it, opened at `openedAt`. */
export async function openRegisteredTicket(prisma: PrismaClient, activities: DatabaseActivities, openedAt: number) {
  const guildId = await configuredGuild(prisma);
  const creatorId = newSnowflake();
  const workflowId = `ticket-wf-${guildId}`;
  const registration = expectRegistered(
    await activities.registerTicket({ workflowId, request: openRequest(guildId, creatorId), openedAt }),
  );
  return { guildId, creatorId, workflowId, ticketId: registration.ticketId };
}
