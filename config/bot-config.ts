import { z } from 'zod';
import type { PlanCatalogue } from '../domain/plans.ts';
import { parseEnv } from './parse-env.ts';
import { loadPlanCatalogue } from './plans-config.ts';
import { logLevelVariable, portVariable, secondsVariable, type TelemetryConfig } from './telemetry-config.ts';
import { loadTemporalConfig, type TemporalConfig } from './temporal-config.ts';

const botEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
  DISCORD_TOKEN: z.string().min(1, 'is required: the bot token the bot logs in to Discord with'),
  /** Set for the local Discord server (e.g. http://127.0.0.1:8790/api); Discord itself otherwise. */
  DISCORD_API_BASE_URL: z.url().optional(),
  LOG_LEVEL: logLevelVariable,
  BOT_HEALTH_PORT: portVariable(9460),
  BOT_TEMPORAL_METRICS_PORT: portVariable(9461),
  /** How long a stopping bot waits for interactions it is still answering. */
  BOT_SHUTDOWN_GRACE_SECONDS: secondsVariable(5),
});

export interface BotConfig {
  temporal: TemporalConfig;
  databaseUrl: string;
  discord: { token: string; apiBaseUrl: string | undefined };
  /** The plans' limits (TICKETFLOW_PLANS over the defaults): `/ticket-config` saves within their ticket types. */
  plans: PlanCatalogue;
  telemetry: TelemetryConfig;
  shutdownGraceMs: number;
}

/** The bot's settings from the environment; a bad one is named in the error, its value never shown. */
export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const parsed = parseEnv(botEnvSchema, env);
  return {
    temporal: loadTemporalConfig(env),
    databaseUrl: parsed.DATABASE_URL,
    discord: { token: parsed.DISCORD_TOKEN, apiBaseUrl: parsed.DISCORD_API_BASE_URL },
    plans: loadPlanCatalogue(env),
    telemetry: {
      logLevel: parsed.LOG_LEVEL,
      healthPort: parsed.BOT_HEALTH_PORT,
      temporalMetricsPort: parsed.BOT_TEMPORAL_METRICS_PORT,
    },
    shutdownGraceMs: parsed.BOT_SHUTDOWN_GRACE_SECONDS * 1000,
  };
}
