import type { SlashCommandSubcommandBuilder } from 'discord.js';
import {
  historiesChannelSubcommandData,
  remindersChannelSubcommandData,
  ticketChannelSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import type { GuildConfigInput, TicketType } from '../../../../domain/guild-config.ts';
import { CHANNEL_NEEDS } from '../../../permissions.ts';
import { optionId, requireBotPermissions } from '../guild-targets.ts';
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
  async answer(interaction, context) {
    const channelId = optionId(interaction, 'channel', true);
    await requireBotPermissions(interaction, channelId, CHANNEL_NEEDS.ticket, 'open ticket threads');
    let created = false;
    await saveConfigChange(interaction, context, (config): GuildConfigInput => {
      created = config === null;
      return config
        ? { ...config, ticketChannelId: channelId }
        : { ticketChannelId: channelId, ticketTypes: [DEFAULT_TICKET_TYPE] };
    });
    return created
      ? `Tickets are set up: they open as private threads of <#${channelId}>, with one type, "support". ` +
          'Add staff roles with `/ticket-config staff-role add`, then post the panel with `/ticket panel`.'
      : `Tickets now open as private threads of <#${channelId}>.`;
  },
};

/** `histories-channel` and `reminders-channel`: a channel the bot posts to, or none when the option is left empty. */
function postingChannelSubcommand(
  data: SlashCommandSubcommandBuilder,
  setting: 'historiesChannelId' | 'remindersChannelId',
  purpose: 'histories' | 'reminders',
  what: string,
): ConfigSubcommand {
  return {
    data,
    async answer(interaction, context) {
      const channelId = optionId(interaction, 'channel');
      if (channelId) await requireBotPermissions(interaction, channelId, CHANNEL_NEEDS[purpose], `post ${what}`);
      await changeGuildConfig(interaction, context, (config) => ({ ...config, [setting]: channelId }));
      return channelId
        ? `${capitalized(what)} are now posted in <#${channelId}>.`
        : `${capitalized(what)} are no longer posted.`;
    },
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const historiesChannelSubcommand = postingChannelSubcommand(
  historiesChannelSubcommandData,
  'historiesChannelId',
  'histories',
  'closed-ticket summaries',
);

export const remindersChannelSubcommand = postingChannelSubcommand(
  remindersChannelSubcommandData,
  'remindersChannelId',
  'reminders',
  'reminders about open tickets',
);
