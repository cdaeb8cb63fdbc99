import type { PatreonAccountLinks } from '../billing/patreon/patreon-provider.ts';
import type { PrismaClient } from '../prisma/client.ts';

/**
 * Who linked which Patreon account, in Postgres: the web process writes a link when a member comes back from
 * Patreon's sign-in, the worker reads it when it fetches their membership. Linking again is idempotent; another
 * Discord user linking the same Patreon account takes it over (the newest sign-in is the account's owner now).
 */
export function createPatreonAccountLinks(prisma: PrismaClient): PatreonAccountLinks {
  return {
    async link({ patreonUserId, discordUserId }) {
      await prisma.patreonAccountLink.upsert({
        where: { patreonUserId },
        create: { patreonUserId, discordUserId },
        update: { discordUserId },
      });
    },
    async discordUserOf(patreonUserId) {
      const link = await prisma.patreonAccountLink.findUnique({ where: { patreonUserId } });
      return link?.discordUserId ?? null;
    },
  };
}
