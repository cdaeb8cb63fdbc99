import { billingPagePath } from '../../../../domain/panel-paths.ts';
import type { Access } from './api.ts';

/**
 * The sections of a guild's pages, in the order of the guild's navigation. A page under /guilds/[guildId]/ adds its
 * entry here; the navigation shows an entry to viewers whose access includes `access`. (The API decides what they
 * may actually read and do; this only hides links that would lead to a refusal.)
 */
export type GuildSection = { label: string; path: (guildId: string) => string; access: Access; end?: boolean };

export const guildSections: GuildSection[] = [
  { label: 'Overview', path: (guildId) => `/guilds/${guildId}`, access: 'member', end: true },
  { label: 'Tickets', path: (guildId) => `/guilds/${guildId}/tickets`, access: 'member' },
  { label: 'Transcripts', path: (guildId) => `/guilds/${guildId}/transcripts`, access: 'member' },
  { label: 'Settings', path: (guildId) => `/guilds/${guildId}/settings`, access: 'admin' },
  { label: 'Service', path: (guildId) => `/guilds/${guildId}/service`, access: 'admin' },
  { label: 'Billing', path: billingPagePath, access: 'admin' },
];
