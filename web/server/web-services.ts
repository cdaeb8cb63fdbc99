import type { Client as TemporalClient } from '@temporalio/client';
import type { PlanCatalogue } from '../../domain/plans.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import type { GuildConfigRepository } from '../../store/guild-config-repository.ts';
import type { RestGuildDirectory } from '../../store/rest-guild-directory.ts';
import type { TicketChangeFeed } from '../../store/ticket-change-feed.ts';
import type { GuildAccessViews } from './access/guild-access-views.ts';
import type { BillingServices } from './billing/billing-services.ts';
import type { DiscordOAuthClient } from './discord/discord-oauth-client.ts';
import type { GuildConfigWriter } from './guild-config/guild-config-writer.ts';
import type { LoginAttempts } from './sessions/login-attempts.ts';
import type { WebSessions } from './sessions/web-sessions.ts';
import type { TranscriptViewer } from './transcripts/transcript-viewer.ts';

/** What every route plugin is given (as its plugin options): the web process's parts, made once at start. */
export interface WebServices {
  config: {
    /** The panel's origin; mutations must come from it. */
    publicUrl: string;
    /** Cookies are Secure (PUBLIC_URL is https). */
    secureCookies: boolean;
    /** The service's operators' Discord ids (ADMIN_USER_IDS): the only callers of `operator` routes. */
    operatorUserIds: readonly string[];
  };
  prisma: PrismaClient;
  discord: DiscordOAuthClient;
  sessions: WebSessions;
  loginAttempts: LoginAttempts;
  guildAccessViews: GuildAccessViews;
  /** Reaches the ticket workflows: the panel's staff actions are the updates the bot sends. */
  temporal: TemporalClient;
  /** The task queue the worker polls, whose pollers the operators' health page shows. */
  taskQueue: string;
  /** The plans and their limits (TICKETFLOW_PLANS over the defaults): the billing and admin pages show them. */
  plans: PlanCatalogue;
  /** The process's one LISTEN on ticket changes, which every live stream shares. */
  ticketChanges: TicketChangeFeed;
  guildConfigs: GuildConfigRepository;
  /** A guild's channels and roles, read with the bot's token and kept briefly: the settings' pickers. */
  guildDirectory: RestGuildDirectory;
  /** Saves a guild's configuration and does what the bot does after its saves. */
  guildConfigWriter: GuildConfigWriter;
  transcriptViewer: TranscriptViewer;
  /** The payment providers configured and the subscription workflows their events go to. */
  billing: BillingServices;
}
