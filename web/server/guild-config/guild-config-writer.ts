import { ticketTypesChanged } from '../../../discord/ticket-command/register-ticket-command.ts';
import type { GuildConfig, GuildConfigInput } from '../../../domain/guild-config.ts';
import type { GuildConfigRepository } from '../../../store/guild-config-repository.ts';
import type { GuildDirectory } from '../../../store/guild-directory.ts';

/** What followed a save: each either done, not needed, or failed (logged; the save stands). */
export interface SaveFollowUps {
  /** `/ticket` registered again, since `open` offers the guild's types. */
  ticketCommand: 'registered' | 'unchanged' | 'failed';
  /** The guild's open tickets told to re-read their settings (the durable fan-out the bot's saves start too). */
  openTickets: 'told' | 'failed';
}

export interface GuildConfigWriterDeps {
  guildConfigs: GuildConfigRepository;
  /** Asked whether the channels and roles a save adds are the guild's own (the bot's token, over REST). */
  directory: GuildDirectory;
  /** discord/ticket-command/register-ticket-command.ts with the bot's REST client and application id. */
  registerTicketCommand(guildId: string, config: GuildConfig): Promise<void>;
  /** temporal/guild-settings-client.ts's announceGuildSettingsChanged, within a deadline. */
  announceSettingsChanged(guildId: string): Promise<void>;
  logFailure(message: string, error: unknown, guildId: string): void;
}

export interface GuildConfigWriter {
  /**
   * Saves the guild's whole configuration as `/ticket config` does (store/guild-config-repository.ts: the schema, the
   * ownership check, all or nothing; a refusal throws its GuildConfigError), then does what the bot does after each
   * of its saves: tells the open tickets, and registers `/ticket` again when the types it offers changed.
   */
  save(guildId: string, input: GuildConfigInput): Promise<{ config: GuildConfig; followUps: SaveFollowUps }>;
}

export function createGuildConfigWriter(deps: GuildConfigWriterDeps): GuildConfigWriter {
  return {
    async save(guildId, input) {
      const before = await deps.guildConfigs.loadGuildConfig(guildId);
      const config = await deps.guildConfigs.saveGuildConfig(guildId, deps.directory, input);
      const [ticketCommand, openTickets] = await Promise.all([
        ticketTypesChanged(before, config)
          ? deps.registerTicketCommand(guildId, config).then(
              () => 'registered' as const,
              (error: unknown) => {
                deps.logFailure('could not register /ticket again after a configuration change', error, guildId);
                return 'failed' as const;
              },
            )
          : ('unchanged' as const),
        deps.announceSettingsChanged(guildId).then(
          () => 'told' as const,
          (error: unknown) => {
            deps.logFailure('could not tell the open tickets that the settings changed', error, guildId);
            return 'failed' as const;
          },
        ),
      ]);
      return { config, followUps: { ticketCommand, openTickets } };
    },
  };
}
