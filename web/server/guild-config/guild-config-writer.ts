import type { GuildConfig, GuildConfigInput } from '../../../domain/guild-config.ts';
import type { GuildConfigRepository, StoredGuildConfig } from '../../../store/guild-config-repository.ts';
import type { GuildDirectory } from '../../../store/guild-directory.ts';

/** What followed a save: done, or failed (logged; the save stands). */
export interface SaveFollowUps {
  /** The guild's open tickets told to re-read their settings (the durable fan-out the bot's saves start too). */
  openTickets: 'told' | 'failed';
}

export interface GuildConfigWriterDeps {
  guildConfigs: GuildConfigRepository;
  /** Asked whether the channels and roles a save adds are the guild's own (the bot's token, over REST). */
  directory: GuildDirectory;
  /** temporal/guild-settings-client.ts's announceGuildSettingsChanged, within a deadline. */
  announceSettingsChanged(guildId: string): Promise<void>;
  logFailure(message: string, error: unknown, guildId: string): void;
}

export interface GuildConfigWriter {
  /**
   * Applies `change` to the stored configuration and saves the whole as `/ticket-config` does
   * (store/guild-config-repository.ts: the schema, the ownership check, all or nothing, redone over any save that
   * came in between; a refusal throws its GuildConfigError or GuildConfigConflictError), then does what the bot does
   * after each of its saves: tells the open tickets. The commands need no new registration: `/ticket open` offers
   * the types by autocomplete.
   */
  update(
    guildId: string,
    change: (stored: StoredGuildConfig | null) => GuildConfigInput,
  ): Promise<{ config: GuildConfig; version: number; followUps: SaveFollowUps }>;
}

export function createGuildConfigWriter(deps: GuildConfigWriterDeps): GuildConfigWriter {
  return {
    async update(guildId, change) {
      const { saved: config, version } = await deps.guildConfigs.updateGuildConfig(guildId, deps.directory, change);
      const openTickets = await deps.announceSettingsChanged(guildId).then(
        () => 'told' as const,
        (error: unknown) => {
          deps.logFailure('could not tell the open tickets that the settings changed', error, guildId);
          return 'failed' as const;
        },
      );
      return { config, version, followUps: { openTickets } };
    },
  };
}
