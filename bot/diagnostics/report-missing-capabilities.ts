import type { Client, Guild } from 'discord.js';
import type { GuildConfig } from '../../domain/guild-config.ts';
import { logFailure } from '../replies.ts';
import { guildCapabilityFacts, readApplicationFlags } from './capability-facts.ts';
import { missingCapabilities, type Naming } from './missing-capabilities.ts';

/** In the log, channels and roles by name and id: an operator greps either. */
const LOG_NAMING: Naming = {
  channel: (id, name) => (name ? `#${name} (${id})` : `channel ${id}`),
  role: (id, name) => (name ? `@${name} (${id})` : `role ${id}`),
};

/** Logs, once at start, each privileged intent the application lacks. */
export async function logMissingIntents(client: Client): Promise<void> {
  const lines = missingCapabilities(
    { applicationFlags: await readApplicationFlags(client), channels: [], roles: [] },
    LOG_NAMING,
  );
  for (const line of lines) logFailure('the application lacks what tickets need', line);
}

/**
 * Logs each permission the bot lacks in the channels a guild's configuration names, and each role it names that the
 * bot cannot mention, naming the guild; on start and when the bot joins a guild. Nothing is logged when nothing is
 * missing, or for a guild that has not set tickets up.
 */
export async function logMissingGuildCapabilities(guild: Guild, config: GuildConfig | null): Promise<void> {
  const lines = missingCapabilities(await guildCapabilityFacts(guild, config), LOG_NAMING);
  for (const line of lines) logFailure(`guild "${guild.name}" (${guild.id}) lacks what tickets need`, line);
}
