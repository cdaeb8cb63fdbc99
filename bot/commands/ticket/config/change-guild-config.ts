import type { ChatInputCommandInteraction } from 'discord.js';
import type { GuildConfig, GuildConfigInput } from '../../../../domain/guild-config.ts';
import type { Translate } from '../../../../i18n/translate.ts';
import { GuildConfigConflictError, GuildConfigError } from '../../../../store/guild-config-error.ts';
import type { GuildConfigUpdate } from '../../../../store/guild-config-repository.ts';
import type { BotContext } from '../../../bot-context.ts';
import { gatewayGuildDirectory } from '../../../gateway-guild-directory.ts';
import { UserFacingError } from '../../../replies.ts';
import { describeConfigProblems } from './config-problems.ts';

/**
 * Loads the guild's configuration, applies one change and saves the whole of it, which checks everything at
 * once (the schema, and that the channels and roles it names are this server's): a refused change is answered with
 * its problems, and nothing is written. A change may itself refuse with a UserFacingError. `change` receives null
 * for a guild that never configured tickets. Saves from the panel or another admin meanwhile are kept: Postgres
 * compares the configuration's version, and the change is applied again to what they saved (so it must be pure).
 */
export async function saveConfigChange(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: BotContext,
  t: Translate,
  change: (config: GuildConfig | null) => GuildConfigInput,
): Promise<GuildConfig> {
  let input: GuildConfigInput | undefined;
  let update: GuildConfigUpdate;
  try {
    update = await context.guildConfigs.updateGuildConfig(
      interaction.guildId,
      gatewayGuildDirectory(interaction.client),
      (stored) => {
        input = change(stored?.config ?? null);
        return input;
      },
    );
  } catch (error) {
    if (error instanceof GuildConfigError && input) {
      throw new UserFacingError(describeConfigProblems(t, error.problems, input));
    }
    if (error instanceof GuildConfigConflictError) throw new UserFacingError(t('config.changedMeanwhile'));
    throw error;
  }
  await context.guildConfigSaved({ guild: interaction.guild, before: update.before, saved: update.saved });
  return update.saved;
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
