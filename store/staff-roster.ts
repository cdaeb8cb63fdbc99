import type { RosterEntry, WorkingHours } from '../domain/routing.ts';
import type { PrismaClient, StaffAvailability } from '../prisma/client.ts';

export interface AvailabilityChange {
  guildId: string;
  userId: string;
  /** The roles the member holds now: routing takes them for the ticket types whose staff roles they include. */
  roleIds: string[];
  away: boolean;
  /** New working hours; null clears them (always available when not away); absent keeps what was set. */
  hours?: WorkingHours | null;
  at: number;
}

/** Puts the member on the guild's routing roster, or updates their entry; the same change twice is one entry. */
export async function setStaffAvailability(prisma: PrismaClient, change: AvailabilityChange): Promise<RosterEntry> {
  const hours =
    change.hours === undefined
      ? {}
      : {
          workStartMinute: change.hours?.startMinute ?? null,
          workEndMinute: change.hours?.endMinute ?? null,
          timeZone: change.hours?.timeZone ?? null,
        };
  const fields = { roleIds: change.roleIds, away: change.away, updatedAt: new Date(change.at), ...hours };
  const row = await prisma.staffAvailability.upsert({
    where: { guildId_userId: { guildId: change.guildId, userId: change.userId } },
    create: { guildId: change.guildId, userId: change.userId, ...fields },
    update: fields,
  });
  return rosterEntryOf(row);
}

export function rosterEntryOf(row: StaffAvailability): RosterEntry {
  const { workStartMinute, workEndMinute, timeZone } = row;
  return {
    userId: row.userId,
    roleIds: row.roleIds,
    away: row.away,
    hours:
      workStartMinute !== null && workEndMinute !== null && timeZone !== null
        ? { startMinute: workStartMinute, endMinute: workEndMinute, timeZone }
        : null,
  };
}
