import { ChannelType, type ChatInputCommandInteraction } from 'discord.js';
import type { Translate } from '../../../../i18n/translate.ts';
import { guildChannel } from '../../../gateway-guild-directory.ts';
import { CHANNEL_NEEDS, lacking } from '../../../permissions.ts';
import { UserFacingError } from '../../../replies.ts';
import { botMember } from '../guild-targets.ts';

/**
 * Refuses, naming what is missing, when the bot lacks the permissions it will need in a channel a setting names
 * (the table in bot/permissions.ts). A channel that is not a text channel of this server is left to the store,
 * which refuses to save it.
 */
export async function requireBotPermissions(
  interaction: ChatInputCommandInteraction<'cached'>,
  t: Translate,
  channelId: string,
  purpose: 'ticket' | 'histories' | 'reminders',
): Promise<void> {
  const channel = await guildChannel(interaction.guild, channelId);
  if (channel?.type !== ChannelType.GuildText) return;
  const granted = channel.permissionsFor(await botMember(interaction)).bitfield;
  const missing = lacking(CHANNEL_NEEDS[purpose], granted).map((need) => t(need.label));
  if (missing.length > 0) {
    throw new UserFacingError(
      t(`config.botMissing.${purpose}`, { channel: `${channel}`, permissions: missing.join(', ') }),
    );
  }
}
