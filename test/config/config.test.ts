import { describe, expect, it } from 'vitest';
import { discordApiRoot } from '../../config/discord-api.ts';
import { ConfigError } from '../../config/parse-env.ts';
import { loadTemporalConfig } from '../../config/temporal-config.ts';
import { loadTranscriptStorageConfig } from '../../config/transcript-storage-config.ts';
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

describe('transcript storage and public URL from the environment', () => {
  it('stores transcripts on the filesystem unless told otherwise, with no public URL', () => {
    const config = loadWorkerConfig({ ...workerEnv, TRANSCRIPTS_DIR: '/srv/transcripts' });
    expect(config.transcriptStorage).toEqual({ kind: 'filesystem', dir: '/srv/transcripts' });
    expect(config.publicUrl).toBeUndefined();
  });

  it('takes an S3 bucket with its endpoint, region, path style and prefix', () => {
    expect(
      loadTranscriptStorageConfig({
        TRANSCRIPT_STORAGE: 's3',
        S3_BUCKET: 'ticketflow-transcripts',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_REGION: 'eu-west-1',
        S3_FORCE_PATH_STYLE: 'true',
        S3_PREFIX: 'prod',
      }),
    ).toEqual({
      kind: 's3',
      bucket: 'ticketflow-transcripts',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      forcePathStyle: true,
      prefix: 'prod/',
    });
    expect(loadTranscriptStorageConfig({ TRANSCRIPT_STORAGE: 's3', S3_BUCKET: 'tickets' })).toEqual({
      kind: 's3',
      bucket: 'tickets',
      endpoint: undefined,
      region: undefined,
      forcePathStyle: false,
      prefix: '',
    });
  });

  it('names what is missing or malformed for S3, and never echoes a value', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadTranscriptStorageConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).message;
      }
      throw new Error('accepted');
    };
    expect(problems({ TRANSCRIPT_STORAGE: 's3' })).toContain('S3_BUCKET: is required with TRANSCRIPT_STORAGE=s3');
    const message = problems({
      TRANSCRIPT_STORAGE: 's3',
      S3_BUCKET: 'Secret_Bucket',
      S3_ENDPOINT: 'https://AKIAEXAMPLE:hunter2@s3.internal',
      S3_FORCE_PATH_STYLE: 'yes-hunter2',
      S3_PREFIX: '../hunter2',
    });
    for (const name of ['S3_BUCKET', 'S3_ENDPOINT: must not carry credentials', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX']) {
      expect(message).toContain(name);
    }
    for (const secret of ['hunter2', 'AKIAEXAMPLE', 'Secret_Bucket']) expect(message).not.toContain(secret);
    expect(problems({ TRANSCRIPT_STORAGE: 'dynamodb' })).toContain('TRANSCRIPT_STORAGE');
  });

  it('refuses S3 settings while transcripts would still go to local disk', () => {
    expect(() => loadTranscriptStorageConfig({ S3_BUCKET: 'tickets' })).toThrow(
      /S3_BUCKET: is set but TRANSCRIPT_STORAGE is filesystem/,
    );
  });

  it('takes the public URL without its trailing slash, and refuses one with credentials', () => {
    expect(loadWorkerConfig({ ...workerEnv, PUBLIC_URL: 'https://tickets.example.com/' }).publicUrl).toBe(
      'https://tickets.example.com',
    );
    expect(loadWorkerConfig({ ...workerEnv, PUBLIC_URL: 'https://example.com/tickets' }).publicUrl).toBe(
      'https://example.com/tickets',
    );
    for (const bad of [
      'tickets.example.com',
      'ftp://example.com',
      'https://admin:hunter2@example.com',
      'https://x.com/?a=1',
    ]) {
      expect(() => loadWorkerConfig({ ...workerEnv, PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });
});

describe('the web process configuration', () => {
  const webEnv = {
    DATABASE_URL: 'postgresql://ticketflow@db/ticketflow',
    DISCORD_TOKEN: 'MTIz.secret-bot-token',
    DISCORD_CLIENT_ID: '123456789012345678',
    DISCORD_CLIENT_SECRET: 'client-secret',
  };

  it('serves on localhost:3000 over http by default, against discord.com', async () => {
    const { loadWebConfig } = await import('../../config/web-config.ts');
    const config = loadWebConfig(webEnv);
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
    });
    expect(config.discord.oauth).toMatchObject({
      authorizeUrl: 'https://discord.com/oauth2/authorize',
      redirectUri: 'http://localhost:3000/auth/callback',
    });
  });

  it('makes cookies Secure behind an https PUBLIC_URL, and finds the local Discord’s consent page', async () => {
    const { loadWebConfig } = await import('../../config/web-config.ts');
    const config = loadWebConfig({
      ...webEnv,
      PUBLIC_URL: 'https://tickets.example.com/',
      DISCORD_API_BASE_URL: 'http://127.0.0.1:8790/api/v10',
    });
    expect(config).toMatchObject({ publicUrl: 'https://tickets.example.com', secureCookies: true });
    expect(config.discord.oauth.authorizeUrl).toBe('http://127.0.0.1:8790/oauth2/authorize');
    expect(config.discord.oauth.redirectUri).toBe('https://tickets.example.com/auth/callback');
  });

  it('names a missing client id or secret and a PUBLIC_URL with a path, never echoing values', async () => {
    const { loadWebConfig } = await import('../../config/web-config.ts');
    const load = () =>
      loadWebConfig({ DATABASE_URL: webEnv.DATABASE_URL, DISCORD_TOKEN: 'x', PUBLIC_URL: 'https://a.example/panel' });
    expect(load).toThrow(/DISCORD_CLIENT_ID/);
    expect(load).toThrow(/DISCORD_CLIENT_SECRET/);
    expect(load).toThrow(/PUBLIC_URL: must be a plain origin/);
  });
});
