import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatreonAccountLinks } from '../../store/patreon-account-links.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

describe('Patreon account links', () => {
  it('knows nobody for an account never linked', async () => {
    expect(await createPatreonAccountLinks(database.prisma).discordUserOf('patreon-unlinked')).toBeNull();
  });

  it('links an account once however often the same member signs in, and hands it over to a new Discord user', async () => {
    const links = createPatreonAccountLinks(database.prisma);
    await links.link({ patreonUserId: 'patreon-1', discordUserId: '100000000000000001' });
    await links.link({ patreonUserId: 'patreon-1', discordUserId: '100000000000000001' });
    expect(await links.discordUserOf('patreon-1')).toBe('100000000000000001');
    await links.link({ patreonUserId: 'patreon-1', discordUserId: '100000000000000002' });
    expect(await links.discordUserOf('patreon-1')).toBe('100000000000000002');
    expect(await database.prisma.patreonAccountLink.count()).toBe(1);
  });
});
