import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import { isDiscordId } from '../../../domain/discord-id.ts';
import { GUILD_ACCESS_LEVELS, type GuildAccess, grants } from '../../../domain/guild-access.ts';
import { DiscordTokenRefusedError } from '../discord/discord-oauth-client.ts';
import { forbidden, notFound, unauthenticated } from '../http/api-error.ts';
import { SESSION_COOKIE } from '../sessions/session-cookies.ts';
import type { ActiveSession, WebSessions } from '../sessions/web-sessions.ts';
import type { AccessibleGuild, GuildAccessViews } from './guild-access-views.ts';

/**
 * Who may call a route, declared by every route in its `config.access`:
 * - `public`: anyone (sign-in, health, the panel's pages, which ask the API for their data);
 * - `signed-in`: anyone with a live session;
 * - `member`, `staff`, `admin`: that access to the guild named by the route's `:guildId`;
 * - `operator`: the service's operators (ADMIN_USER_IDS), whatever their guilds: the admin panel's API.
 */
export type RouteAccess = 'public' | 'signed-in' | 'operator' | GuildAccess;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Lets cross-site requests through the same-origin guard: only for callers that prove themselves otherwise. */
    crossSite?: 'allowed';
  }
  interface FastifyRequest {
    /** The caller's session, set on every route that is not `public`. */
    webSession: ActiveSession | null;
    /** The caller's guild, with their access to it, on routes that declare a guild access. */
    accessibleGuild: AccessibleGuild | null;
  }
}

const isGuildAccess = (access: RouteAccess): access is GuildAccess =>
  (GUILD_ACCESS_LEVELS as readonly string[]).includes(access);

/**
 * Enforces each route's declared access before its input is validated, so that nothing about another guild, not
 * even which input it would take, is revealed: no session → 401; a guild the caller and the bot do not share →
 * 404, exactly as for a guild that does not exist; a guild they share with too little access → 403; an operator
 * route called by anyone who is not an operator → 404, as for a route that does not exist. A route that declares
 * no access, a guild access without a `:guildId`, or operator access with one, fails at startup.
 */
export function installRouteAccess(
  app: FastifyInstance,
  services: {
    sessions: WebSessions;
    guildAccessViews: GuildAccessViews;
    config: { operatorUserIds: readonly string[] };
  },
): void {
  const operators = new Set(services.config.operatorUserIds);
  app.decorateRequest('webSession', null);
  app.decorateRequest('accessibleGuild', null);

  const check: preValidationHookHandler = async (request) => {
    const access = request.routeOptions.config.access;
    const session = await sessionOf(request, services.sessions);
    if (!session) throw unauthenticated();
    request.webSession = session;
    if (access === 'operator') {
      if (!operators.has(session.user.id)) throw notFound('This page');
      return;
    }
    if (!access || !isGuildAccess(access)) return;
    const guildId = (request.params as Record<string, string | undefined>).guildId;
    const guild = isDiscordId(guildId) ? await guildOf(request, session, guildId, services) : undefined;
    if (!guild) throw notFound('This server');
    if (!grants(guild.access, access)) throw forbidden(`This needs ${access} access to ${guild.name}.`);
    request.accessibleGuild = guild;
  };

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access)
      throw new Error(
        `${route.method} ${route.url} declares no access: give it config.access ('public', 'signed-in', 'operator', 'member', 'staff' or 'admin')`,
      );
    if (isGuildAccess(access) && !route.url.includes(':guildId'))
      throw new Error(`${route.method} ${route.url} declares ${access} access but has no :guildId to apply it to`);
    // An operator route names a guild in its input, never in its path, where it would read as a guild access.
    if (access === 'operator' && route.url.includes(':guildId'))
      throw new Error(`${route.method} ${route.url} declares operator access but has a :guildId`);
    if (access === 'public') return;
    route.preValidation = [check, ...hooks(route.preValidation)];
  });
}

function hooks(given: preValidationHookHandler | preValidationHookHandler[] | undefined): preValidationHookHandler[] {
  return given === undefined ? [] : Array.isArray(given) ? given : [given];
}

async function sessionOf(request: FastifyRequest, sessions: WebSessions): Promise<ActiveSession | null> {
  const token = request.cookies[SESSION_COOKIE];
  return token ? sessions.resolve(token) : null;
}

async function guildOf(
  request: FastifyRequest,
  session: ActiveSession,
  guildId: string,
  services: { sessions: WebSessions; guildAccessViews: GuildAccessViews },
): Promise<AccessibleGuild | undefined> {
  try {
    const guilds = await services.guildAccessViews.guildsOf({
      userId: session.user.id,
      discordAccessToken: session.discordAccessToken,
    });
    return guilds.get(guildId);
  } catch (error) {
    if (!(error instanceof DiscordTokenRefusedError)) throw error;
    // Discord no longer honours their grant (revoked in their settings): the session cannot decide access any more.
    const token = request.cookies[SESSION_COOKIE];
    if (token) await services.sessions.end(token);
    throw unauthenticated();
  }
}
