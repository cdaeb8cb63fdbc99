import { ChannelType } from 'discord.js';
import {
  categoriesSubcommandData,
  typeModeSubcommandData,
} from '../../../../discord/ticket-command/channel-mode-config-subcommands.ts';
import { GUILD_CONFIG_LIMITS, type GuildConfig } from '../../../../domain/guild-config.ts';
import type { TicketMode } from '../../../../domain/ticket-channel-mode.ts';
import type { Translate } from '../../../../i18n/translate.ts';
import { CATEGORY_NEEDS, lacking } from '../../../permissions.ts';
import { UserFacingError } from '../../../replies.ts';
import { botMember, optionId } from '../guild-targets.ts';
import { saveConfigChange } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

type Interaction = Parameters<ConfigSubcommand['answer']>[0];
type Context = Parameters<ConfigSubcommand['answer']>[1];

/**
 * `/ticket-config categories [add] [remove]`: the ordered categories channel-mode tickets open in (the first with
 * room takes the next ticket). A category is added only if the bot can open private channels there; the last one
 * is kept while a type still opens channels.
 */
export const categoriesSubcommand: ConfigSubcommand = {
  data: categoriesSubcommandData,
  async answer(interaction, context, t) {
    const add = optionId(interaction, 'add');
    const remove = optionId(interaction, 'remove');
    if (add === null && remove === null) {
      const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
      if (!config) throw new UserFacingError(t('channel-mode.notSetUp'));
      return t('channel-mode.nothingGiven', { categories: categoryList(t, config.ticketCategoryIds) });
    }
    if (add !== null) await requireUsableCategory(interaction, t, add);
    const saved = await save(interaction, context, t, (config) => {
      let ids = config.ticketCategoryIds;
      if (remove !== null) {
        if (!ids.includes(remove)) throw new UserFacingError(t('channel-mode.notListed', { category: `<#${remove}>` }));
        ids = ids.filter((id) => id !== remove);
      }
      if (add !== null) {
        if (ids.includes(add)) throw new UserFacingError(t('channel-mode.alreadyListed', { category: `<#${add}>` }));
        if (ids.length >= GUILD_CONFIG_LIMITS.ticketCategories) {
          throw new UserFacingError(t('channel-mode.tooMany', { max: GUILD_CONFIG_LIMITS.ticketCategories }));
        }
        ids = [...ids, add];
      }
      const needing = config.ticketTypes.filter((type) => type.mode === 'channel');
      if (ids.length === 0 && needing.length > 0) {
        const types = needing.map((type) => `"${type.key}"`).join(', ');
        throw new UserFacingError(t('channel-mode.stillNeeded', { types, count: needing.length }));
      }
      return { ...config, ticketCategoryIds: ids };
    });
    return t('channel-mode.categoriesSaved', { categories: categoryList(t, saved.ticketCategoryIds) });
  },
};

/** `/ticket-config type mode <type> <thread|channel>`: where the type's next tickets open. */
export const typeModeSubcommand: ConfigSubcommand = {
  data: typeModeSubcommandData,
  async answer(interaction, context, t) {
    const key = interaction.options.getString('type', true);
    const mode: TicketMode = interaction.options.getString('mode', true) === 'channel' ? 'channel' : 'thread';
    const saved = await save(interaction, context, t, (config) => {
      if (!config.ticketTypes.some((type) => type.key === key)) {
        const types = config.ticketTypes.map((type) => type.key).join(', ');
        throw new UserFacingError(t('channel-mode.unknownType', { type: key, types }));
      }
      if (mode === 'channel' && config.ticketCategoryIds.length === 0) {
        throw new UserFacingError(t('channel-mode.modeNeedsCategory'));
      }
      return {
        ...config,
        ticketTypes: config.ticketTypes.map((type) => (type.key === key ? { ...type, mode } : type)),
      };
    });
    const name = saved.ticketTypes.find((type) => type.key === key)?.name ?? key;
    return mode === 'channel'
      ? t('channel-mode.modeChannel', { type: name, categories: categoryList(t, saved.ticketCategoryIds) })
      : t('channel-mode.modeThread', { type: name, channel: `<#${saved.ticketChannelId}>` });
  },
};

function categoryList(t: Translate, ids: readonly string[]): string {
  return t('channel-mode.categoryList', { count: ids.length, list: ids.map((id) => `<#${id}>`).join(', ') });
}

/** Refuses a channel that is no category of this server, or one where the bot cannot open private channels. */
async function requireUsableCategory(interaction: Interaction, t: Translate, categoryId: string): Promise<void> {
  const category = interaction.guild.channels.cache.get(categoryId);
  if (category?.type !== ChannelType.GuildCategory) {
    throw new UserFacingError(t('channel-mode.notACategory', { channel: `<#${categoryId}>` }));
  }
  const granted = category.permissionsFor(await botMember(interaction)).bitfield;
  const missing = lacking(CATEGORY_NEEDS, granted).map((need) => need.name);
  if (missing.length > 0) {
    throw new UserFacingError(
      t('channel-mode.botMissing', { category: `<#${categoryId}>`, permissions: missing.join(', ') }),
    );
  }
}

function save(
  interaction: Interaction,
  context: Context,
  t: Translate,
  change: (config: GuildConfig) => GuildConfig,
): Promise<GuildConfig> {
  return saveConfigChange(interaction, context, t, (config) => {
    if (!config) throw new UserFacingError(t('channel-mode.notSetUp'));
    return change(config);
  });
}
