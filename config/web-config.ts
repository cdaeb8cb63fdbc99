import { z } from 'zod';
import type { BillingProvidersConfig } from '../billing/index.ts';
import { DISCORD_ID_PATTERN } from '../domain/discord-id.ts';
import type { PlanCatalogue } from '../domain/plans.ts';
import { loadPatreonConfig } from './billing/patreon-config.ts';
import { loadPayPalConfig } from './billing/paypal-config.ts';
import { loadStripeConfig } from './billing/stripe-config.ts';
import { carriesCredentials, parseEnv } from './parse-env.ts';
import { loadPlanCatalogue } from './plans-config.ts';
import { logLevelVariable, portVariable, secondsVariable, type TelemetryConfig } from './telemetry-config.ts';
import { loadTemporalConfig, type TemporalConfig } from './temporal-config.ts';

const webEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
  WEB_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** 127.0.0.1 keeps a local panel off the network; a container sets 0.0.0.0. */
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) URL people open the panel at' })
    .refine(
      (url) => !carriesCredentials(url) && !/[?#]/.test(url) && new URL(url).pathname.replace(/\/+$/, '') === '',
      'must be a plain origin such as https://tickets.example.com: no path, credentials, query or fragment',
    )
    .optional(),
  DISCORD_TOKEN: z.string().min(1, 'is required: the bot token the panel reads which servers the bot is in with'),
  /** Set for the local Discord server (e.g. http://127.0.0.1:8790/api); Discord itself otherwise. */
  DISCORD_API_BASE_URL: z.url().default('https://discord.com/api'),
  DISCORD_CLIENT_ID: z
    .string()
    .regex(DISCORD_ID_PATTERN, "must be the application's id (OAuth2 client id) from Discord's developer portal"),
  DISCORD_CLIENT_SECRET: z.string().min(1, "is required: the application's OAuth2 client secret"),
  LOG_LEVEL: logLevelVariable,
  WEB_HEALTH_PORT: portVariable(9480),
  /** How long a stopping web process lets requests in flight finish. */
  WEB_SHUTDOWN_GRACE_SECONDS: secondsVariable(10),
  /** The service's operators: who may open the admin panel. Comma-separated Discord user ids; none by default. */
  ADMIN_USER_IDS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .pipe(
      z.array(z.string().regex(DISCORD_ID_PATTERN, 'must be Discord user ids (17 to 20 digits), separated by commas')),
    )
    .default([]),
});

export interface DiscordOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** The REST root with or without its version, like DISCORD_API_BASE_URL. */
  apiBaseUrl: string;
  /** The page people consent on: `https://discord.com/oauth2/authorize`, or the local Discord's. */
  authorizeUrl: string;
  /** `${publicUrl}/auth/callback`: register it as a redirect on Discord's developer portal. */
  redirectUri: string;
}

export interface WebConfig {
  databaseUrl: string;
  port: number;
  host: string;
  /** The origin people open the panel at, without a trailing slash; also the only origin mutations may come from. */
  publicUrl: string;
  /** True behind https: the session cookie is then Secure. */
  secureCookies: boolean;
  discord: { botToken: string; oauth: DiscordOAuthConfig };
  /** Where the ticket workflows run: the panel's staff actions are their updates. */
  temporal: TemporalConfig;
  /** The plans' limits (TICKETFLOW_PLANS over the defaults): the settings save within their ticket types. */
  plans: PlanCatalogue;
  telemetry: Pick<TelemetryConfig, 'logLevel' | 'healthPort'>;
  shutdownGraceMs: number;
  /** Discord user ids of the service's operators (ADMIN_USER_IDS): the admin panel's only users. */
  operatorUserIds: readonly string[];
  /** The payment providers whose settings are given; the others are off (their routes answer 404). */
  billing: BillingProvidersConfig;
}

/** The web process's settings from the environment; a bad one is named in the error, its value never shown. */
export function loadWebConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const parsed = parseEnv(webEnvSchema, env);
  const publicUrl = new URL(parsed.PUBLIC_URL ?? `http://localhost:${parsed.WEB_PORT}`).origin;
  return {
    databaseUrl: parsed.DATABASE_URL,
    port: parsed.WEB_PORT,
    host: parsed.WEB_HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    discord: {
      botToken: parsed.DISCORD_TOKEN,
      oauth: {
        clientId: parsed.DISCORD_CLIENT_ID,
        clientSecret: parsed.DISCORD_CLIENT_SECRET,
        apiBaseUrl: parsed.DISCORD_API_BASE_URL,
        authorizeUrl: discordAuthorizeUrl(parsed.DISCORD_API_BASE_URL),
        redirectUri: `${publicUrl}/auth/callback`,
      },
    },
    temporal: loadTemporalConfig(env),
    plans: loadPlanCatalogue(env),
    telemetry: { logLevel: parsed.LOG_LEVEL, healthPort: parsed.WEB_HEALTH_PORT },
    shutdownGraceMs: parsed.WEB_SHUTDOWN_GRACE_SECONDS * 1000,
    operatorUserIds: [...new Set(parsed.ADMIN_USER_IDS)],
    billing: { stripe: loadStripeConfig(env), paypal: loadPayPalConfig(env), patreon: loadPatreonConfig(env) },
  };
}

/**
 * Discord serves its consent page beside its API, outside `/api`: `https://discord.com/api` →
 * `https://discord.com/oauth2/authorize`; the local Discord does the same on its own origin.
 */
export function discordAuthorizeUrl(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/\/api(\/v\d+)?$/, '')}/oauth2/authorize`;
  return url.toString();
}
