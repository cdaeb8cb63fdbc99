import type { REST } from '@discordjs/rest';
import { type APIUser, Routes } from 'discord-api-types/v10';

/**
 * The bot's own user id, which a ticket channel's overwrites must let in: asked of Discord once per worker (the
 * token names one bot for the process's life), not once per ticket.
 */
export function botUserId(rest: REST): () => Promise<string> {
  let asked: Promise<string> | null = null;
  return () => {
    asked ??= (rest.get(Routes.user('@me')) as Promise<APIUser>).then((user) => user.id);
    // A failed ask is asked again next time rather than remembered.
    asked.catch(() => {
      asked = null;
    });
    return asked;
  };
}
