import { describe, expect, it } from 'vitest';
import { addLogContext, log, setProcessLogger, withLogContext } from '../../telemetry/log-context.ts';
import { createLogger, loggerOptions } from '../../telemetry/logger.ts';
import { logLines } from './log-lines.ts';

// Made-up secrets in the shapes the real ones have.
const BOT_TOKEN = 'MTE5NjQ2NzA4ODk4OTk0NTg1Ng.GhRk3a.Zx9yQ2w8Lk4mN7pR1sT5uV3wX6yZ0aB2cD4e';
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpzZWNyZXQ';
const DB_PASSWORD = 'hunter2-db-password';
const AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const AWS_SESSION = 'FwoGZXIvYXdzEBYaDEXAMPLESESSIONTOKEN';
const OAUTH_SECRET = 'oauth-client-secret-0123456789';
const OAUTH_ACCESS = 'oauth-access-token-abcdefghij';
const TEMPORAL_KEY = 'temporal-cloud-api-key-0123456789';
const SECRETS = [
  BOT_TOKEN,
  INTERACTION_TOKEN,
  DB_PASSWORD,
  AWS_ACCESS_KEY_ID,
  AWS_SECRET,
  AWS_SESSION,
  OAUTH_SECRET,
  OAUTH_ACCESS,
  TEMPORAL_KEY,
];

describe('the logger every process shares', () => {
  it('writes one JSON object a line, with the level as a word, the time and the process name', () => {
    const out = logLines();
    const logger = createLogger('worker', 'info', out.stream);
    logger.info({ guildId: '42' }, 'worker polling');
    logger.debug('below the level');
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({ level: 'info', name: 'worker', guildId: '42', msg: 'worker polling' });
    expect(Date.parse(String(out.lines[0]?.time))).not.toBeNaN();
  });

  it('never writes a secret, whatever object holds it', () => {
    const out = logLines();
    const logger = createLogger('bot', 'info', out.stream);
    const failure = Object.assign(new Error(`connect failed for postgresql://ticketflow:${DB_PASSWORD}@db:5432/t`), {
      url: `https://discord.com/api/v10/interactions/1234567890123456789/${INTERACTION_TOKEN}/callback`,
      requestBody: { json: { token: INTERACTION_TOKEN } },
    });
    logger.error(
      {
        err: failure,
        config: {
          DISCORD_TOKEN: BOT_TOKEN,
          databaseUrl: `postgresql://ticketflow:${DB_PASSWORD}@db:5432/ticketflow`,
          temporal: { connection: { address: 'ns.acct.tmprl.cloud:7233', apiKey: TEMPORAL_KEY } },
        },
        request: { headers: { Authorization: `Bot ${BOT_TOKEN}`, 'x-api-key': TEMPORAL_KEY } },
        aws: { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET, sessionToken: AWS_SESSION },
        oauth: { client_id: '1234', client_secret: OAUTH_SECRET, access_token: OAUTH_ACCESS },
        env: { AWS_SECRET_ACCESS_KEY: AWS_SECRET, TEMPORAL_API_KEY: TEMPORAL_KEY, DATABASE_URL: 'unused' },
      },
      `login with ${BOT_TOKEN} failed; tried Authorization: Bot ${BOT_TOKEN} and key ${AWS_ACCESS_KEY_ID}`,
    );
    logger.child({ token: BOT_TOKEN }).warn(`libpq said host=db password=${DB_PASSWORD} user=ticketflow`);

    const text = out.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    // What an operator needs to act stays: who, where, which route, the client id.
    const [line] = out.lines;
    expect(JSON.stringify(line)).toContain('postgresql://ticketflow:[REDACTED]@db:5432/ticketflow');
    expect(JSON.stringify(line)).toContain('/interactions/1234567890123456789/[REDACTED]/callback');
    expect(line).toMatchObject({
      config: { temporal: { connection: { address: 'ns.acct.tmprl.cloud:7233', apiKey: '[REDACTED]' } } },
      oauth: { client_id: '1234', client_secret: '[REDACTED]' },
      err: { type: 'Error' },
    });
  });

  it('takes LOG_LEVEL-style levels and leaves out what is below them', () => {
    const out = logLines();
    const logger = createLogger('bot', 'warn', out.stream);
    logger.info('quiet');
    logger.warn('loud');
    expect(out.lines.map((line) => line.msg)).toEqual(['loud']);
    expect(loggerOptions('web', 'debug')).toMatchObject({ name: 'web', level: 'debug' });
  });

  it('adds the fields of the unit of work to every line logged inside it, and only there', async () => {
    const out = logLines();
    setProcessLogger(createLogger('bot', 'info', out.stream));
    await withLogContext({ guildId: '42', interactionId: '7' }, async () => {
      log().info('resolving');
      await Promise.resolve();
      addLogContext({ ticketNumber: 3, workflowId: 'ticket:42:7' });
      log().info('acting');
    });
    log().info('outside');
    expect(
      out.lines.map(({ msg, guildId, ticketNumber, workflowId }) => ({ msg, guildId, ticketNumber, workflowId })),
    ).toEqual([
      { msg: 'resolving', guildId: '42', ticketNumber: undefined, workflowId: undefined },
      { msg: 'acting', guildId: '42', ticketNumber: 3, workflowId: 'ticket:42:7' },
      { msg: 'outside', guildId: undefined, ticketNumber: undefined, workflowId: undefined },
    ]);
  });
});
