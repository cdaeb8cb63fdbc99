import { describe, expect, it } from 'vitest';
import { discordApiRoot } from '../../config/discord-api.ts';
import { ConfigError } from '../../config/parse-env.ts';
import { loadTemporalConfig } from '../../config/temporal-config.ts';
import { loadWorkerConfig } from '../../config/worker-config.ts';

const workerEnv = {
  DATABASE_URL: 'postgresql://ticketflow:hunter2@db.internal:5432/ticketflow',
  DISCORD_TOKEN: 'MTIz.secret-bot-token',
};

describe('configuration from the environment', () => {
  it('defaults to the local dev server and discord.com, treating empty variables as unset', () => {
    const config = loadWorkerConfig({ ...workerEnv, TEMPORAL_ADDRESS: '', DISCORD_API_BASE_URL: '' });
    expect(config.temporal).toMatchObject({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'ticketflow-tickets',
      connection: { address: '127.0.0.1:7233', tls: undefined, apiKey: undefined },
    });
    expect(config.discord.apiBaseUrl).toBe('https://discord.com/api');
  });

  it('turns TLS on for a Temporal Cloud API key', () => {
    const config = loadTemporalConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key' });
    expect(config.connection).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: true, apiKey: 'key' });
  });

  it('names every missing or malformed variable, and never echoes a value', () => {
    let error: unknown;
    try {
      loadWorkerConfig({ DATABASE_URL: 'mysql://root:hunter2@db/x', TEMPORAL_TLS_CERT_PATH: '/etc/cert.pem' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL: must be a postgresql:// connection URL');
    expect(message).toContain('DISCORD_TOKEN');
    expect(message).not.toContain('hunter2');
  });

  it('refuses half an mTLS pair', () => {
    expect(() => loadTemporalConfig({ TEMPORAL_TLS_KEY_PATH: '/etc/key.pem' })).toThrow(
      /TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together/,
    );
  });
});

describe('the Discord REST root', () => {
  it('is the base URL without its version, however DISCORD_API_BASE_URL gives it', () => {
    expect(discordApiRoot('https://discord.com/api')).toBe('https://discord.com/api');
    expect(discordApiRoot('https://discord.com/api/v10/')).toBe('https://discord.com/api');
    expect(discordApiRoot('http://127.0.0.1:8790/api/v10')).toBe('http://127.0.0.1:8790/api');
  });

  it('refuses an API version other than 10', () => {
    expect(() => discordApiRoot('https://discord.com/api/v9')).toThrow('Ticketflow speaks Discord API v10');
  });
});
