import { randomBytes } from 'node:crypto';
import type { BotRecord, UserRecord } from './records.ts';
import type { DiscordStateSnapshot } from './snapshot.ts';
import type { StoreContext } from './store-context.ts';

/** Users and the bots (bot users with their tokens) that authenticate REST requests. */
export class UserDirectory {
  readonly users = new Map<string, UserRecord>();
  readonly #bots = new Map<string, BotRecord>();
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  createUser(input: { username: string; globalName?: string | null; bot?: boolean }): UserRecord {
    const user: UserRecord = {
      id: this.#context.nextId(),
      username: input.username,
      globalName: input.globalName ?? null,
      bot: input.bot ?? false,
    };
    this.users.set(user.id, user);
    this.#context.changed();
    return user;
  }

  /** A bot user with its token, shaped like Discord's (`base64(id).timestamp.hmac`). */
  createBot(input: { username: string; token?: string }): BotRecord {
    // A restored world already has its bot: the same token means the same bot, not a second one.
    const existing = input.token === undefined ? undefined : this.#bots.get(input.token);
    if (existing) return existing;
    const user = this.createUser({ username: input.username, bot: true });
    const token =
      input.token ??
      [
        Buffer.from(user.id).toString('base64url'),
        randomBytes(4).toString('base64url'),
        randomBytes(27).toString('base64url'),
      ].join('.');
    const bot: BotRecord = {
      userId: user.id,
      applicationId: user.id,
      token,
      clientSecret: randomBytes(24).toString('base64url'),
      guildMembersIntent: true,
    };
    this.#bots.set(token, bot);
    this.#context.changed();
    return bot;
  }

  /** Changes a user's client settings (locale, privacy). */
  update(userId: string, settings: Pick<UserRecord, 'locale' | 'allowsDirectMessages'>): void {
    const user = this.users.get(userId);
    if (!user) throw new Error(`no user ${userId}`);
    Object.assign(user, settings);
    this.#context.changed();
  }

  botByToken(token: string): BotRecord | undefined {
    return this.#bots.get(token);
  }

  botByUserId(userId: string): BotRecord | undefined {
    return [...this.#bots.values()].find((bot) => bot.userId === userId);
  }

  snapshot(): Pick<DiscordStateSnapshot, 'users' | 'bots'> {
    return { users: [...this.users.values()], bots: [...this.#bots.values()] };
  }

  /** Fills the empty maps in the snapshot's order, so lists come out in the order they did before. */
  restore(snapshot: Pick<DiscordStateSnapshot, 'users' | 'bots'>): void {
    for (const user of snapshot.users) this.users.set(user.id, user);
    for (const bot of snapshot.bots) this.#bots.set(bot.token, bot);
  }
}
