import type { REST } from '@discordjs/rest';
import type { PlanCatalogue } from '../domain/plans.ts';
import type { TicketActivities } from '../domain/ticket.ts';
import type { PrismaClient } from '../prisma/client.ts';
import type { TranscriptStorage } from '../transcripts/index.ts';
import type { GuildSettingsActivities } from '../workflows/guild-settings/definitions.ts';
import { createDatabaseActivities } from './database/create-database-activities.ts';
import { listOpenTicketWorkflows } from './database/list-open-ticket-workflows.ts';
import { createDiscordActivities, type NoticeSettings } from './discord/index.ts';
import { loadTranscriptSourceAtClose } from './transcript-source-at-close.ts';
import { createTranscriptActivities } from './transcripts/activity.ts';

export interface TicketActivityDeps {
  prisma: PrismaClient;
  discordRest: REST;
  transcriptStorage: TranscriptStorage;
  /** The plans and their limits as the operators configured them: an open past the monthly limit is refused. */
  plans: PlanCatalogue;
  /** Deployment settings the Discord notices show, e.g. the panel's URL that summaries link to. */
  notices?: NoticeSettings;
  /** Fetches attachments and avatars into transcript storage; Discord's CDN in production. */
  fetch?: typeof globalThis.fetch;
}

/** Every side effect of the ticket workflow, wired to Postgres, Discord and transcript storage. */
export function createTicketActivities(deps: TicketActivityDeps): TicketActivities {
  return {
    ...createDatabaseActivities(deps.prisma, { plans: deps.plans, publicUrl: deps.notices?.publicUrl }),
    ...createDiscordActivities(deps.discordRest, deps.notices),
    ...createTranscriptActivities({
      storage: deps.transcriptStorage,
      fetch: deps.fetch ?? globalThis.fetch,
      loadSource: (input) => loadTranscriptSourceAtClose({ prisma: deps.prisma, rest: deps.discordRest }, input),
    }),
  };
}

/** The guild-settings fan-out's side effect: reading which tickets to tell. */
export function createGuildSettingsActivities(prisma: PrismaClient): GuildSettingsActivities {
  return { listOpenTicketWorkflows: (input) => listOpenTicketWorkflows(prisma, input) };
}
