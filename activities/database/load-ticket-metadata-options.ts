import { z } from 'zod';
import { ticketTypeKey } from '../../domain/guild-config.ts';
import { snowflake } from '../../domain/snowflake.ts';
import type { MovedTypeSettings, TicketActivities } from '../../domain/ticket.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { parseInput } from './failures.ts';
import { guildInputSchema } from './input-schemas.ts';
import { ticketSettingsOf } from './ticket-settings.ts';

/** The guild's label names as staff may set them now, read when the change runs rather than when the ticket opened. */
export async function loadGuildLabels(
  prisma: PrismaClient,
  rawInput: Parameters<TicketActivities['loadGuildLabels']>[0],
): Promise<string[]> {
  const { guildId } = parseInput(guildInputSchema, rawInput, 'loadGuildLabels input');
  const labels = await prisma.guildTicketLabel.findMany({
    where: { guildId },
    orderBy: { position: 'asc' },
    select: { name: true },
  });
  return labels.map((label) => label.name);
}

const typeInputSchema = z.object({ guildId: snowflake, typeKey: ticketTypeKey });

/** What a ticket moved to `typeKey` takes from that type, as a ticket opened with it now would; null when unknown. */
export async function loadTicketTypeSettings(
  prisma: PrismaClient,
  rawInput: Parameters<TicketActivities['loadTicketTypeSettings']>[0],
): Promise<MovedTypeSettings | null> {
  const { guildId, typeKey } = parseInput(typeInputSchema, rawInput, 'loadTicketTypeSettings input');
  const guild = await prisma.guild.findUnique({
    where: { id: guildId },
    include: {
      staffRoles: { orderBy: { roleId: 'asc' } },
      ticketTypes: { where: { key: typeKey }, include: { questions: true } },
    },
  });
  const type = guild?.ticketTypes[0];
  if (!guild || !type) return null;
  const settings = ticketSettingsOf(
    guild,
    guild.staffRoles.map((role) => role.roleId),
    type,
  );
  return {
    typeName: settings.typeName,
    openingMessage: settings.openingMessage,
    questions: settings.questions,
    staffRoleIds: settings.staffRoleIds,
    sla: settings.sla,
  };
}
