import type { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import type { NoticeSettings } from './notices/format.ts';
import { postNotice } from './post-notice.ts';

/**
 * A notice in a closed ticket's thread. Discord takes no message in an archived, locked thread, so the thread is
 * unarchived (staying locked: members still cannot write), the notice posted with its nonce, and the thread
 * archived again: three requests, each the same however often a retry sends it.
 */
export function postInClosedThread(rest: REST, settings: NoticeSettings = {}): TicketActivities['postInClosedThread'] {
  const post = postNotice(rest, settings);
  return async ({ threadId, idempotencyKey, notice }) => {
    const archive = (archived: boolean) =>
      withDiscordFailures(
        async () => {
          requireDiscordIds({ threadId });
          await rest.patch(Routes.channel(threadId), { body: { archived } });
        },
        { permissions: ['Manage Threads'], channelId: threadId },
      );
    await archive(false);
    const posted = await post({ channelId: threadId, idempotencyKey, notice });
    await archive(true);
    return posted;
  };
}
