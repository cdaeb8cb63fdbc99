import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export type {
  BillingNotice,
  Entitlement,
  EntitlementAudit,
  EntitlementGuildAssignment,
  Guild,
  GuildBlockedUser,
  GuildStaffRole,
  GuildTicketCounter,
  PrismaClient,
  StaffAvailability,
  Subscription,
  Ticket,
  TicketEvent,
  TicketMember,
  TicketMessage,
  TicketQuestion,
  TicketType,
  WebLoginAttempt,
  WebSession,
} from './generated/client.ts';
export { Prisma } from './generated/client.ts';
export * from './generated/enums.ts';

export interface PrismaClientOptions {
  /** Upper bound of the connection pool (pg's default is 10). */
  maxConnections?: number;
}

/**
 * The one way the project makes a PrismaClient: Prisma 7's Rust-free client over node-postgres.
 * Run `npm run db:generate` after changing schema.prisma (the generated client is not committed).
 */
export function createPrismaClient(connectionString: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections });
  return new PrismaClient({ adapter });
}
