import type { REST } from '@discordjs/rest';
import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { type APIChannel, type APIGuild, type RESTPostAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { PrismaClient } from '../../prisma/client.ts';
import { recordBillingNotice } from '../../store/entitlements/billing-notices.ts';
import { holderGuildIds } from '../../store/entitlements/guild-assignments.ts';
import type { SubscriptionActivities } from '../../workflows/subscription/definitions.ts';
import { DiscordFailure, withDiscordFailures } from '../discord/failures.ts';
import type { NoticeSettings } from '../discord/notices/format.ts';
import { messageNonce } from '../discord/post-notice.ts';
import { renderBillingNotice } from './billing-notice-message.ts';

/** Discord answers these for good: the guild or user is gone, or the user takes no direct messages from the bot. */
const UNDELIVERABLE = new Set<string>([DiscordFailure.NotFound, DiscordFailure.Forbidden, DiscordFailure.BadRequest]);

/**
 * Tells the holder's guilds about their subscription, once per key: a notice on each guild's billing page (the
 * store keeps one per key and guild), and a direct message to whoever can act on it: a guild's owner, or the user
 * who holds the subscription. The message goes first and the notices after it, so a notice found already recorded
 * means the message was sent; a retry in between sends the same nonce, which Discord answers with the first
 * message. A message Discord cannot deliver (direct messages closed, guild left) is logged; the panel still shows it.
 */
export function notifyBilling(deps: {
  prisma: PrismaClient;
  rest: REST;
  settings?: NoticeSettings;
}): SubscriptionActivities['notifyBilling'] {
  return async ({ key, kind, holder, plan, at }) => {
    const guildIds = await holderGuildIds(deps.prisma, holder);
    const noticeKey = (guildId: string) => `${key}:${guildId}`;
    const recorded = await deps.prisma.billingNotice.count({ where: { key: { in: guildIds.map(noticeKey) } } });
    if (guildIds.length > 0 && recorded === guildIds.length) return;

    await sendDirectMessage(deps, { key, holder, notice: { kind, plan, at } });
    for (const guildId of guildIds) {
      await recordBillingNotice(deps.prisma, { key: noticeKey(guildId), guildId, kind, plan, at: new Date(at) });
    }
  };
}

async function sendDirectMessage(
  deps: { rest: REST; settings?: NoticeSettings },
  input: {
    key: string;
    holder: Parameters<SubscriptionActivities['notifyBilling']>[0]['holder'];
    notice: Parameters<typeof renderBillingNotice>[0];
  },
): Promise<void> {
  try {
    await withDiscordFailures(async () => {
      const guild =
        input.holder.kind === 'guild' ? ((await deps.rest.get(Routes.guild(input.holder.guildId))) as APIGuild) : null;
      const recipientId = guild ? guild.owner_id : input.holder.kind === 'user' ? input.holder.userId : '';
      const channel = (await deps.rest.post(Routes.userChannels(), {
        body: { recipient_id: recipientId },
      })) as APIChannel;
      const body: RESTPostAPIChannelMessageJSONBody = {
        ...renderBillingNotice(input.notice, guild && { id: guild.id, name: guild.name }, deps.settings ?? {}),
        nonce: messageNonce(input.key),
        enforce_nonce: true,
      };
      await deps.rest.post(Routes.channelMessages(channel.id), { body });
    });
  } catch (error) {
    if (!(error instanceof ApplicationFailure) || !UNDELIVERABLE.has(error.type ?? '')) throw error;
    log.warn('a billing notice could not be sent in Discord; the panel shows it', {
      key: input.key,
      error: error.message,
    });
  }
}
