import { describe, expect, it } from 'vitest';
import { loadBotConfig } from '../../config/bot-config.ts';
import { ConfigError } from '../../config/parse-env.ts';

describe('the bot configuration from the environment', () => {
  it('takes the token, the database and an optional local Discord base URL', () => {
    const config = loadBotConfig({
      DATABASE_URL: 'postgresql://ticketflow@127.0.0.1:5432/ticketflow',
      DISCORD_TOKEN: 'MTIz.secret-bot-token',
      DISCORD_API_BASE_URL: 'http://127.0.0.1:8790/api',
      TEMPORAL_TASK_QUEUE: 'tickets-here',
    });
    expect(config.discord).toEqual({ token: 'MTIz.secret-bot-token', apiBaseUrl: 'http://127.0.0.1:8790/api' });
    expect(config.temporal.taskQueue).toBe('tickets-here');
    const discordItself = loadBotConfig({
      DATABASE_URL: 'postgres://x@h/db',
      DISCORD_TOKEN: 't',
      DISCORD_API_BASE_URL: '',
    });
    expect(discordItself.discord.apiBaseUrl).toBeUndefined();
  });

  it('names each bad variable and never echoes a secret', () => {
    let error: unknown;
    try {
      loadBotConfig({ DATABASE_URL: 'mysql://root:hunter2@db/x', DISCORD_API_BASE_URL: 'not a url' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL: must be a postgresql:// connection URL');
    expect(message).toContain('DISCORD_TOKEN');
    expect(message).toContain('DISCORD_API_BASE_URL');
    expect(message).not.toContain('hunter2');
  });
});
