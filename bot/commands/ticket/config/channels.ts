import type { SlashCommandSubcommandBuilder } from 'discord.js';
import {
  historiesChannelSubcommandData,
  remindersChannelSubcommandData,
  ticketChannelSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import type { GuildConfigInput, TicketType } from '../../../../domain/guild-config.ts';
import { optionId } from '../guild-targets.ts';
import { requireBotPermissions } from './bot-channel-permissions.ts';
import { changeGuildConfig, saveConfigChange } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** The type a guild starts with, so the panel works as soon as the ticket channel is chosen. */
const DEFAULT_TICKET_TYPE: TicketType = {
  key: 'support',
  name: 'Support',
  description: 'Ask the staff for help',
  openingMessage: '',
  questions: [{ label: 'How can we help?', style: 'paragraph', required: true, minLength: 0, maxLength: 1000 }],
  openLimit: 1,
  firstResponseMinutes: null,
  resolutionMinutes: null,
  escalationRoleId: null,
  mode: 'thread',
  routing: 'off',
};

export const ticketChannelSubcommand: ConfigSubcommand = {
  data: ticketChannelSubcommandData,
  async answer(interaction, context, t) {
    const channelId = optionId(interaction, 'channel', true);
    await requireBotPermissions(interaction, t, channelId, 'ticket');
    let created = false;
    await saveConfigChange(interaction, context, t, (config): GuildConfigInput => {
      created = config === null;
      return config
        ? { ...config, ticketChannelId: channelId }
        : { ticketChannelId: channelId, ticketTypes: [DEFAULT_TICKET_TYPE] };
    });
    const channel = `<#${channelId}>`;
    return created ? t('config.ticketChannel.setUp', { channel }) : t('config.ticketChannel.saved', { channel });
  },
};

/** `histories-channel` and `reminders-channel`: a channel the bot posts to, or none when the option is left empty. */
function postingChannelSubcommand(
  data: SlashCommandSubcommandBuilder,
  setting: 'historiesChannelId' | 'remindersChannelId',
  purpose: 'histories' | 'reminders',
): ConfigSubcommand {
  return {
    data,
    async answer(interaction, context, t) {
      const channelId = optionId(interaction, 'channel');
      if (channelId) await requireBotPermissions(interaction, t, channelId, purpose);
      await changeGuildConfig(interaction, context, t, (config) => ({ ...config, [setting]: channelId }));
      return channelId ? t(`config.${purpose}.saved`, { channel: `<#${channelId}>` }) : t(`config.${purpose}.cleared`);
    },
  };
}

export const historiesChannelSubcommand = postingChannelSubcommand(
  historiesChannelSubcommandData,
  'historiesChannelId',
  'histories',
);

export const remindersChannelSubcommand = postingChannelSubcommand(
  remindersChannelSubcommandData,
  'remindersChannelId',
  'reminders',
);
