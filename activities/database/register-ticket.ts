import { ApplicationFailure } from '@temporalio/common';
import { billingPagePath } from '../../domain/panel-paths.ts';
import { monthlyTicketLimitMessage, withinMonthlyTickets } from '../../domain/plan-limits.ts';
import type { PlanCatalogue } from '../../domain/plans.ts';
import type {
  OpenTicketRequest,
  RefusalCode,
  RefusalValues,
  Registration,
  TicketActivities,
} from '../../domain/ticket.ts';
import type { Prisma, PrismaClient } from '../../prisma/client.ts';
import { type GuildPlan, guildPlan } from '../../store/entitlements/guild-plan.ts';
import { monthlyUsageStatement, utcMonthOf } from '../../store/entitlements/monthly-usage.ts';
import { TRANSACTION_OPTIONS } from '../../store/transaction-options.ts';
import { DatabaseFailureType, parseInput } from './failures.ts';
import { openTicketInputSchema } from './input-schemas.ts';
import { ticketSettingsOf, ticketSettingsSchema } from './ticket-settings.ts';

/** A second open of the same type by the same member this soon is a double click: it answers with the first ticket. */
export const DUPLICATE_WINDOW_MS = 10_000;

const OPEN_STATUSES = ['opening', 'open'] as const;

type RegisterInput = Parameters<TicketActivities['registerTicket']>[0];

/** What the plan gate of an open needs besides Postgres. */
export interface OpenGate {
  /** The plans and their limits as the operators configured them (config/plans-config.ts). */
  plans: PlanCatalogue;
  /** The panel's base URL (PUBLIC_URL) that a refusal links the billing page on; undefined without a panel. */
  publicUrl: string | undefined;
}

/**
 * Registers a ticket in ONE transaction that first locks the guild's counter row: opens in a guild run one at a
 * time, so limits, cooldown, duplicate detection and the plan's monthly count see every earlier open (two opens at
 * the monthly limit cannot both pass), and numbers come out gapless.
 * A retry with the same workflowId answers with the row it wrote; a refusal writes nothing.
 */
export async function registerTicket(
  prisma: PrismaClient,
  gate: OpenGate,
  rawInput: RegisterInput,
): Promise<Registration> {
  const { workflowId, request, openedAt } = parseInput(openTicketInputSchema, rawInput, 'registerTicket input');
  // Read for every open, never cached, before the transaction takes the guild's counter: an upgrade counts at once.
  const plan = await guildPlan(prisma, gate.plans, request.guildId, new Date(openedAt));
  return prisma.$transaction(async (tx) => {
    const lastNumber = await lockCounter(tx, request.guildId);
    if (lastNumber === null) {
      return refuse('unknown_guild', 'Tickets are not set up in this server yet.');
    }

    const existing = await tx.ticket.findUnique({ where: { workflowId } });
    if (existing) {
      if (existing.guildId !== request.guildId) {
        throw ApplicationFailure.nonRetryable(
          `workflow ${workflowId} already registered a ticket in guild ${existing.guildId}, not ${request.guildId}`,
          DatabaseFailureType.workflowIdConflict,
        );
      }
      return {
        outcome: 'registered',
        ticketId: existing.id,
        number: existing.number,
        settings: ticketSettingsSchema.parse(existing.settings),
      };
    }

    const refusalOrDuplicate = await checkOpenAllowed(tx, request, openedAt, { plan, publicUrl: gate.publicUrl });
    if (refusalOrDuplicate.outcome !== 'allowed') return refusalOrDuplicate;
    const { settings } = refusalOrDuplicate;

    const number = lastNumber + 1;
    await tx.guildTicketCounter.update({ where: { guildId: request.guildId }, data: { lastNumber: number } });
    const ticket = await tx.ticket.create({
      data: {
        guildId: request.guildId,
        number,
        workflowId,
        typeKey: request.type,
        typeName: settings.typeName,
        creatorId: request.creator.id,
        creatorName: request.creator.name,
        answers: request.answers.map(({ question, answer }) => ({ question, answer })),
        settings: { ...settings },
        openedAt: new Date(openedAt),
        lastActivityAt: new Date(openedAt),
      },
    });
    await tx.ticketEvent.create({
      data: {
        guildId: request.guildId,
        ticketId: ticket.id,
        key: 'opened',
        kind: 'opened',
        actorId: request.creator.id,
        at: new Date(openedAt),
        data: { number, type: request.type, workflowId },
      },
    });
    return { outcome: 'registered', ticketId: ticket.id, number, settings };
  }, TRANSACTION_OPTIONS);
}

/** The guild's last ticket number, locked until the transaction ends; null when the guild has no ticket setup. */
async function lockCounter(tx: Prisma.TransactionClient, guildId: string): Promise<number | null> {
  const rows = await tx.$queryRaw<{ last_number: number }[]>`
    SELECT last_number FROM guild_ticket_counter WHERE guild_id = ${guildId} FOR UPDATE`;
  return rows[0]?.last_number ?? null;
}

type OpenCheck =
  | { outcome: 'allowed'; settings: ReturnType<typeof ticketSettingsOf> }
  | Exclude<Registration, { outcome: 'registered' }>;

/** The rules, in the order a member hears about them; the duplicate check precedes the limits a first click fills. */
async function checkOpenAllowed(
  tx: Prisma.TransactionClient,
  request: OpenTicketRequest,
  openedAt: number,
  gate: { plan: GuildPlan; publicUrl: string | undefined },
): Promise<OpenCheck> {
  const { guildId } = request;
  const creatorId = request.creator.id;
  const guild = await tx.guild.findUniqueOrThrow({
    where: { id: guildId },
    include: {
      staffRoles: { orderBy: { roleId: 'asc' } },
      ticketTypes: { where: { key: request.type }, include: { questions: true } },
    },
  });
  const type = guild.ticketTypes[0];
  if (!type) return refuse('unknown_type', `This server has no ticket type "${request.type}".`, { type: request.type });

  const blocked = await tx.guildBlockedUser.findUnique({ where: { guildId_userId: { guildId, userId: creatorId } } });
  if (blocked) return refuse('blocked', 'You are not allowed to open tickets in this server.');

  const recent = await tx.ticket.findFirst({
    where: {
      guildId,
      creatorId,
      typeKey: type.key,
      status: { in: [...OPEN_STATUSES] },
      openedAt: { gt: new Date(openedAt - DUPLICATE_WINDOW_MS) },
    },
    orderBy: { openedAt: 'desc' },
  });
  if (recent) {
    return { outcome: 'duplicate', number: recent.number, workflowId: recent.workflowId, threadId: recent.threadId };
  }

  const openOfType = await tx.ticket.count({
    where: { guildId, creatorId, typeKey: type.key, status: { in: [...OPEN_STATUSES] } },
  });
  if (openOfType >= type.openLimit) {
    return refuse(
      'type_limit',
      `You already have ${openOfType} open "${type.name}" ticket${openOfType === 1 ? '' : 's'}; the limit is ${type.openLimit}.`,
      { count: openOfType, limit: type.openLimit, type: type.name },
    );
  }

  const openInGuild = await tx.ticket.count({ where: { guildId, creatorId, status: { in: [...OPEN_STATUSES] } } });
  if (openInGuild >= guild.openLimitPerMember) {
    return refuse(
      'member_limit',
      `You already have ${openInGuild} open ticket${openInGuild === 1 ? '' : 's'}; the limit is ${guild.openLimitPerMember}.`,
      { count: openInGuild, limit: guild.openLimitPerMember },
    );
  }

  if (guild.openCooldownSeconds > 0) {
    const latest = await tx.ticket.findFirst({
      where: { guildId, creatorId },
      orderBy: { openedAt: 'desc' },
      select: { openedAt: true },
    });
    const waitMs = latest ? latest.openedAt.getTime() + guild.openCooldownSeconds * 1000 - openedAt : 0;
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return refuse('cooldown', `You opened a ticket moments ago; try again in ${seconds} s.`, { seconds });
    }
  }

  const monthly = await monthlyLimitRefusal(tx, gate, openedAt);
  if (monthly) return monthly;

  const staffRoleIds = guild.staffRoles.map((role) => role.roleId);
  return { outcome: 'allowed', settings: ticketSettingsOf(guild, staffRoleIds, type) };
}

/** Refuses once the guild opened its plan's tickets this month (UTC); counted under the counter's lock. */
async function monthlyLimitRefusal(
  tx: Prisma.TransactionClient,
  gate: { plan: GuildPlan; publicUrl: string | undefined },
  openedAt: number,
): Promise<Extract<Registration, { outcome: 'refused' }> | null> {
  const { guildId, plan, limits } = gate.plan;
  if (limits.ticketsPerMonth === null) return null;
  const at = new Date(openedAt);
  const rows = await tx.$queryRaw<{ opened: number }[]>(monthlyUsageStatement([guildId], at));
  if (withinMonthlyTickets(limits.ticketsPerMonth, rows[0]?.opened ?? 0)) return null;
  const message = monthlyTicketLimitMessage({
    plan,
    ticketsPerMonth: limits.ticketsPerMonth,
    resetsAt: utcMonthOf(at).end.getTime(),
    billingUrl: gate.publicUrl ? `${gate.publicUrl}${billingPagePath(guildId)}` : null,
  });
  return refuse('monthly_limit', message);
}

/** `values` let the bot word the refusal in the member's language (bot/tickets/open-refusal-words.ts). */
function refuse(
  code: RefusalCode,
  message: string,
  values?: RefusalValues,
): Extract<Registration, { outcome: 'refused' }> {
  return { outcome: 'refused', code, message, ...(values ? { values } : {}) };
}
