import type {
  APIMessage,
  APIModalInteractionResponseCallbackData,
  InteractionResponseType,
} from 'discord-api-types/v10';
import type { GuildView } from '../../sandbox/discord/driver/driver-views.ts';

export type { GuildView };

/** What the app answered to an interaction so far, as `GET /__sandbox/interactions/{id}` shows it. */
export interface InteractionStatus {
  id: string;
  ack: { type: InteractionResponseType; ackMs: number } | null;
  modal: APIModalInteractionResponseCallbackData | null;
  thinking: boolean;
  reply: APIMessage | null;
  followUps: APIMessage[];
}

/** Something the person at the terminal can fix; printed as is, without a stack. */
export class CliError extends Error {
  override name = 'CliError';
}

const DEFAULT_URL = 'http://127.0.0.1:8790';

/** `$DISCORD_SANDBOX_URL`, else 127.0.0.1 on `$DISCORD_SANDBOX_PORT` (the port serve.ts listens on), else 8790. */
export function sandboxUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DISCORD_SANDBOX_URL) return env.DISCORD_SANDBOX_URL.replace(/\/+$/, '');
  return env.DISCORD_SANDBOX_PORT ? `http://127.0.0.1:${env.DISCORD_SANDBOX_PORT}` : DEFAULT_URL;
}

/** The local Discord's driver routes (`/__sandbox/`): plays members over HTTP, never with the bot's token. */
export class SandboxClient {
  readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  guilds(asUserId?: string): Promise<GuildView[]> {
    return this.#get(`guilds${asUserId ? `?as=${asUserId}` : ''}`);
  }

  messages(channelId: string, options: { as?: string; limit?: number } = {}): Promise<APIMessage[]> {
    const query = new URLSearchParams();
    if (options.as) query.set('as', options.as);
    if (options.limit) query.set('limit', String(options.limit));
    return this.#get(`channels/${channelId}/messages?${query}`);
  }

  interaction(id: string): Promise<InteractionStatus> {
    return this.#get(`interactions/${id}`);
  }

  /** An action as a member (sendMessage, pressButton, …); see sandbox/discord/driver/http-driver.ts. */
  act<T>(action: Record<string, unknown>): Promise<T> {
    return this.#request('actions', { method: 'POST', body: JSON.stringify(action) });
  }

  #get<T>(path: string): Promise<T> {
    return this.#request(path, { method: 'GET' });
  }

  async #request<T>(path: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.url}/__sandbox/${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch {
      throw new CliError(
        `the local Discord is not running at ${this.url}; start it with: bash scripts/start.sh` +
          ' (or point DISCORD_SANDBOX_URL at it)',
      );
    }
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    if (response.ok) return body as T;
    if (response.status === 404 && !body?.error)
      throw new CliError(`${this.url} is not the local Discord (it has no /__sandbox/ routes)`);
    throw new CliError(`the local Discord refused: ${body?.error ?? `HTTP ${response.status}`}`);
  }
}
