import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3TranscriptStorage } from '../../transcripts/s3-storage.ts';
import { storeTranscript } from '../../transcripts/transcript-codec.ts';
import { S3_TEST_CREDENTIALS, S3_TEST_REGION, type S3Server, startS3Server } from '../support/s3-server.ts';
import { GUILD_ID, message, TRANSCRIPT_KEY, transcriptOf } from './fixtures.ts';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let server: S3Server;
let output: string;

beforeAll(async () => {
  server = await startS3Server();
  output = await mkdtemp(join(tmpdir(), 'transcript-page-'));
});
afterAll(async () => {
  await server?.close();
  await rm(output, { recursive: true, force: true });
});

describe('npm run transcript', () => {
  it('renders a transcript stored in S3 on another host, with the media it shows beside the page', async () => {
    const bucket = await server.createBucket();
    const worker = new S3TranscriptStorage({ client: server.client, bucket, prefix: 'prod' });
    const picture = Buffer.from('not really a png, but bytes all the same');
    const pictureKey = await worker.putMedia(TRANSCRIPT_KEY, picture, 'png');
    const attachment = { id: '910000000000099001', name: 'receipt.png', size: picture.byteLength };
    await storeTranscript(
      worker,
      transcriptOf({
        messages: [
          message({
            content: 'Here is the receipt',
            attachments: [{ ...attachment, contentType: 'image/png', key: pictureKey, unsaved: null }],
          }),
        ],
      }),
    );

    const { stdout } = await run(`${repoRoot}node_modules/.bin/tsx`, ['cli/transcript.ts', `${GUILD_ID}/7`, output], {
      cwd: repoRoot,
      env: {
        ...process.env,
        TRANSCRIPT_STORAGE: 's3',
        S3_BUCKET: bucket,
        S3_PREFIX: 'prod/',
        S3_ENDPOINT: server.endpoint,
        S3_REGION: S3_TEST_REGION,
        S3_FORCE_PATH_STYLE: 'true',
        AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
      },
    });
    const page = join(output, 'transcript.html');
    expect(stdout).toMatch(new RegExp(`^${page} \\(\\d+ bytes\\)\\n$`));
    const html = await readFile(page, 'utf8');
    expect(html).toContain('Here is the receipt');
    const relative = pictureKey.slice(TRANSCRIPT_KEY.length + 1);
    expect(html).toContain(`src="${relative}"`);
    expect(await readFile(join(output, relative))).toEqual(picture);
  });
});
