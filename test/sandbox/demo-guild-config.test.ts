import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { saveDemoGuildConfig } from '../../sandbox/demo/demo-guild-config.ts';
import { readDemoWorld } from '../../sandbox/demo/demo-world.ts';
import { type DemoSandbox, startDemoSandbox } from '../../sandbox/demo/start-demo-sandbox.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { temporaryDataDir } from './sandbox-world.ts';

/** The demo guild's configuration, from the demo.json a real start wrote, through the real repository into Postgres. */
describe('the demo guild configuration', () => {
  let database: TestDatabase;
  let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
  let demo: DemoSandbox;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await temporaryDataDir();
    demo = await startDemoSandbox({ dataDir: dataDir.path, port: 0 });
  });
  afterAll(async () => {
    await demo?.close();
    await dataDir?.remove();
    await database?.cleanup();
  });

  const rows = async (guildId: string) => {
    const [guild, staffRoles, types, questions] = await Promise.all([
      database.prisma.guild.findUnique({ where: { id: guildId } }),
      database.prisma.guildStaffRole.findMany({ where: { guildId } }),
      database.prisma.ticketType.findMany({ where: { guildId }, orderBy: { position: 'asc' } }),
      database.prisma.ticketQuestion.findMany({
        where: { guildId },
        orderBy: [{ typeKey: 'asc' }, { position: 'asc' }],
      }),
    ]);
    // A save raises the version even when it changes nothing: only the configuration itself is compared.
    return { guild: { ...guild, updatedAt: null, configVersion: null }, staffRoles, types, questions };
  };

  it('is accepted, loads back as saved, and saving it again changes nothing', async () => {
    const world = await readDemoWorld(dataDir.path);
    const saved = await saveDemoGuildConfig(database.prisma, world);
    expect(await createGuildConfigRepository(database.prisma, DEFAULT_PLANS).loadGuildConfig(world.guildId)).toEqual(
      saved,
    );

    expect(saved).toMatchObject({
      staffRoleIds: [world.roles.staff],
      ticketChannelId: world.channels.tickets,
      historiesChannelId: world.channels.histories,
      remindersChannelId: world.channels.reminders,
      notificationRoleId: world.roles.alerts,
      notificationsEnabled: true,
      inactivityTimeoutMinutes: 72 * 60,
      inactivityGraceMinutes: 24 * 60,
      reminderIntervalMinutes: 7 * 24 * 60,
    });
    expect(
      saved.ticketTypes.map((type) => [type.key, type.name, type.questions.map((q) => [q.label, q.style, q.required])]),
    ).toEqual([
      [
        'support',
        'Support',
        [
          ['What do you need help with?', 'paragraph', true],
          ['Order number (if any)', 'short', false],
        ],
      ],
      ['billing', 'Billing', [['What is your billing question?', 'paragraph', true]]],
    ]);

    const once = await rows(world.guildId);
    expect(await saveDemoGuildConfig(database.prisma, world)).toEqual(saved);
    expect(await rows(world.guildId)).toEqual(once);
  });
});
