import { query, redirect } from '@solidjs/router';
import type { GuildConfig, GuildConfigInput } from '../../../../domain/guild-config.ts';
import type { GuildConfigSection, GuildConfigSectionBody } from '../../../../domain/guild-config-sections.ts';
import { type ApiProblem, apiErrorOf, readJson, signInPagePath } from './api.ts';
import { apiRequest } from './api-request.ts';

export type SettingsChannel = { id: string; name: string; category: string | null };
export type SettingsRole = { id: string; name: string; color: number };
export type SettingsCategory = { id: string; name: string };
export type GuildSettings = {
  config: GuildConfig | null;
  /** The configuration's version, sent back with a whole save; null before tickets are set up. */
  version: number | null;
  channels: SettingsChannel[];
  categories: SettingsCategory[];
  roles: SettingsRole[];
};
export type SaveFollowUps = {
  openTickets: 'told' | 'failed';
};
export type SaveOutcome =
  | { saved: GuildConfig; version: number; followUps: SaveFollowUps }
  | { problems: ApiProblem[] };

const settingsPath = (guildId: string) => `/api/v1/guilds/${encodeURIComponent(guildId)}/config`;

/** The guild's ticket settings with its text channels and roles for the pickers; null when the viewer is not admin. */
export const getGuildSettings = query(
  (guildId: string): Promise<GuildSettings | null> => readJson<GuildSettings>(settingsPath(guildId)),
  'guildSettings',
);

/**
 * Saves the whole configuration over `version`, the one it was loaded at; what the server refuses comes back as
 * problems by field, nothing saved. A configuration changed since (409 `config_changed`) throws its ApiError.
 */
export function saveGuildSettings(
  guildId: string,
  config: GuildConfigInput,
  version: number | null,
): Promise<SaveOutcome> {
  return putSettings(settingsPath(guildId), { ...config, version });
}

/** Saves one part of the configuration, the rest kept as stored; refused problems name the configuration's paths. */
export function saveGuildSettingsSection<Section extends GuildConfigSection>(
  guildId: string,
  section: Section,
  body: GuildConfigSectionBody<Section>,
): Promise<SaveOutcome> {
  return putSettings(`${settingsPath(guildId)}/${section}`, body);
}

async function putSettings(path: string, body: unknown): Promise<SaveOutcome> {
  const response = await apiRequest(path, { method: 'PUT', body });
  if (response.status === 401) {
    throw redirect(signInPagePath(window.location.pathname));
  }
  if (response.status === 400) {
    return { problems: (await apiErrorOf(response)).problems };
  }
  if (!response.ok) {
    throw await apiErrorOf(response);
  }
  const answer = (await response.json()) as { config: GuildConfig; version: number; followUps: SaveFollowUps };
  return { saved: answer.config, version: answer.version, followUps: answer.followUps };
}
