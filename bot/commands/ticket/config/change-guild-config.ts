import type { ChatInputCommandInteraction } from 'discord.js';
import type { GuildConfig, GuildConfigInput } from '../../../../domain/guild-config.ts';
import type { Translate } from '../../../../i18n/translate.ts';
import { GuildConfigError } from '../../../../store/guild-config-error.ts';
import type { BotContext } from '../../../bot-context.ts';
import { gatewayGuildDirectory } from '../../../gateway-guild-directory.ts';
import { UserFacingError } from '../../../replies.ts';
import { describeConfigProblems } from './config-problems.ts';

/** A guild's config changes one at a time in this process, so two admins' quick changes do not undo each other. */
const lastChangeByGuild = new Map<string, Promise<unknown>>();

function oneAtATime<T>(guildId: string, work: () => Promise<T>): Promise<T> {
  const next = (lastChangeByGuild.get(guildId) ?? Promise.resolve()).then(work, work);
  const settled = next.catch(() => undefined);
  lastChangeByGuild.set(guildId, settled);
  void settled.then(() => {
    if (lastChangeByGuild.get(guildId) === settled) lastChangeByGuild.delete(guildId);
  });
  return next;
}

/**
 * Loads the guild's configuration, applies one change and saves the whole of it, which checks everything at
 * once (the schema, and that the channels and roles it names are this server's): a refused change is answered with
 * its problems, and nothing is written. A change may itself refuse with a UserFacingError. `change` receives null
 * for a guild that never configured tickets.
 */
export function saveConfigChange(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: BotContext,
  t: Translate,
  change: (config: GuildConfig | null) => GuildConfigInput,
): Promise<GuildConfig> {
  return oneAtATime(interaction.guildId, async () => {
    const before = await context.guildConfigs.loadGuildConfig(interaction.guildId);
    const input = change(before);
    let saved: GuildConfig;
    try {
      saved = await context.guildConfigs.saveGuildConfig(
        interaction.guildId,
        gatewayGuildDirectory(interaction.client),
        input,
      );
    } catch (error) {
      if (error instanceof GuildConfigError) {
        throw new UserFacingError(describeConfigProblems(t, error.problems, input));
      }
      throw error;
    }
    await context.guildConfigSaved({ guild: interaction.guild, before, saved });
    return saved;
  });
}

/** saveConfigChange for the settings that need tickets to be set up first. */
export function changeGuildConfig(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: BotContext,
  t: Translate,
  change: (config: GuildConfig) => GuildConfigInput,
): Promise<GuildConfig> {
  return saveConfigChange(interaction, context, t, (config) => {
    if (!config) throw new UserFacingError(t('config.notSetUp'));
    return change(config);
  });
}
