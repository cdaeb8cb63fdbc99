import {
  type GuildConfig,
  type GuildConfigInput,
  guildConfigSchema,
  supportWindowSchema,
} from '../domain/guild-config.ts';
import { ticketTypesOverPlan } from '../domain/plan-limits.ts';
import type { PlanCatalogue } from '../domain/plans.ts';
import { snowflake } from '../domain/snowflake.ts';
import { channelModeProblems } from '../domain/ticket-channel-mode.ts';
import { resolveLocale } from '../i18n/locales.ts';
import type { Prisma, PrismaClient } from '../prisma/client.ts';
import { type GuildPlan, guildPlan } from './entitlements/guild-plan.ts';
import { GuildConfigConflictError, GuildConfigError, type GuildConfigProblem } from './guild-config-error.ts';
import type { GuildDirectory } from './guild-directory.ts';
import { guildOwnershipProblems } from './guild-ownership.ts';
import { zodProblems } from './input-error.ts';
import { TRANSACTION_OPTIONS } from './transaction-options.ts';

/** A guild's configuration as stored, with the version each save raises by one (the first save makes version 1). */
export interface StoredGuildConfig {
  config: GuildConfig;
  version: number;
}

/** What an update found and what it wrote. */
export interface GuildConfigUpdate {
  before: GuildConfig | null;
  saved: GuildConfig;
  version: number;
}

/** How often an update re-reads and re-applies its change after other saves won the race, before it gives up. */
const UPDATE_ATTEMPTS = 5;

/** The one way to a guild's ticket configuration in Postgres, for every process that reads or writes it. */
export interface GuildConfigRepository {
  /**
   * Reads the guild's configuration (null before it is set up), applies `change` and saves the result, provided no
   * other save (from any process) came in between; if one did, reads and applies again, so no process's change is
   * lost. `change` may throw to refuse (a GuildConfigConflictError when its caller's version is stale), and must do
   * nothing else: it can run more than once. Each save validates the configuration, asks `directory` whether the
   * channels and roles it adds are the guild's own, then replaces the guild's whole ticket configuration at once. A
   * refusal is a GuildConfigError naming every problem, and nothing is written; a GuildConfigConflictError when other
   * saves kept winning. The guild's plan limits its ticket types: a save may not add types past it, and never loses
   * the types a guild already has (see ticketTypesOverPlan).
   */
  updateGuildConfig(
    guildId: string,
    directory: GuildDirectory,
    change: (stored: StoredGuildConfig | null) => GuildConfigInput,
  ): Promise<GuildConfigUpdate>;
  /** updateGuildConfig replacing whatever is stored by `input` (seeding); returns it with defaults filled in. */
  saveGuildConfig(guildId: string, directory: GuildDirectory, input: GuildConfigInput): Promise<GuildConfig>;
  /** null when the guild never configured tickets. */
  loadGuildConfig(guildId: string): Promise<GuildConfig | null>;
  /** The configuration with its version, for an editor that saves it back whole; null before it is set up. */
  loadStoredGuildConfig(guildId: string): Promise<StoredGuildConfig | null>;
}

/** `plans`: the plans and their limits as the operators configured them (config/plans-config.ts). */
export function createGuildConfigRepository(prisma: PrismaClient, plans: PlanCatalogue): GuildConfigRepository {
  const updateGuildConfig: GuildConfigRepository['updateGuildConfig'] = (guildId, directory, change) =>
    update(prisma, plans, guildId, directory, change);
  return {
    updateGuildConfig,
    saveGuildConfig: async (guildId, directory, input) =>
      (await updateGuildConfig(guildId, directory, () => input)).saved,
    loadGuildConfig: async (guildId) => (await loadStoredGuildConfig(prisma, guildId))?.config ?? null,
    loadStoredGuildConfig: (guildId) => loadStoredGuildConfig(prisma, guildId),
  };
}

/**
 * The change of an editor that saves the whole configuration it loaded at `version` (null: none was stored):
 * `input`, refused with a GuildConfigConflictError once anything else was saved since, rather than undoing it.
 */
export function replaceLoadedVersion(
  version: number | null,
  input: GuildConfigInput,
): (stored: StoredGuildConfig | null) => GuildConfigInput {
  return (stored) => {
    if ((stored?.version ?? null) !== version) throw new GuildConfigConflictError();
    return input;
  };
}

/** Another save changed the stored version between this save's read and its write. */
class LostRace extends Error {}

async function update(
  prisma: PrismaClient,
  plans: PlanCatalogue,
  guildId: string,
  directory: GuildDirectory,
  change: (stored: StoredGuildConfig | null) => GuildConfigInput,
): Promise<GuildConfigUpdate> {
  for (let attempt = 1; ; attempt++) {
    const stored = await loadStoredGuildConfig(prisma, guildId);
    const input = change(stored);
    try {
      const saved = await saveIfUnchanged(prisma, plans, guildId, directory, stored, input);
      return { before: stored?.config ?? null, saved, version: (stored?.version ?? 0) + 1 };
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      if (attempt === UPDATE_ATTEMPTS) throw new GuildConfigConflictError();
    }
  }
}

function validate(guildId: string, input: GuildConfigInput): GuildConfig {
  const problems: GuildConfigProblem[] = [];
  const id = snowflake.safeParse(guildId);
  if (!id.success) problems.push({ path: 'guildId', message: id.error.issues[0]?.message ?? 'invalid' });
  const config = guildConfigSchema.safeParse(input);
  if (!config.success) problems.push(...zodProblems(config.error, '(config)'));
  else problems.push(...channelModeProblems(config.data));
  if (!config.success || problems.length > 0) throw new GuildConfigError(problems);
  return config.data;
}

/**
 * Writes `input` over `stored` in one transaction, unless another save wrote since `stored` was read (LostRace,
 * nothing written): the write compares and raises the row's version, and a first save only creates a missing row.
 */
async function saveIfUnchanged(
  prisma: PrismaClient,
  plans: PlanCatalogue,
  guildId: string,
  directory: GuildDirectory,
  stored: StoredGuildConfig | null,
  input: GuildConfigInput,
): Promise<GuildConfig> {
  const config = validate(guildId, input);
  // Asked before the transaction: Discord's answers can take a while, and the transaction holds the guild's counter.
  const plan = await guildPlan(prisma, plans, guildId);
  const foreign = await guildOwnershipProblems(directory, guildId, config, stored?.config ?? null);
  if (foreign.length > 0) throw new GuildConfigError(foreign);
  const columns = {
    ticketChannelId: config.ticketChannelId,
    historiesChannelId: config.historiesChannelId,
    remindersChannelId: config.remindersChannelId,
    notificationRoleId: config.notificationRoleId,
    notificationsEnabled: config.notificationsEnabled,
    inactivityTimeoutMinutes: config.inactivityTimeoutMinutes,
    inactivityGraceMinutes: config.inactivityGraceMinutes,
    reminderIntervalMinutes: config.reminderIntervalMinutes,
    openLimitPerMember: config.openLimitPerMember,
    openCooldownSeconds: config.openCooldownSeconds,
    supportTimeZone: config.supportHours.timeZone,
    supportWindows: config.supportHours.windows,
    supportHolidays: config.supportHours.holidays,
    escalationRoleId: config.escalationRoleId,
    ticketCategoryIds: config.ticketCategoryIds,
    language: config.language,
    reopenWindowDays: config.reopenWindowDays,
    closingDmEnabled: config.closingDmEnabled,
  };
  await prisma.$transaction(async (tx) => {
    // The row stays locked by this write until the commit, so a concurrent save waits and then finds no match.
    const written = stored
      ? await tx.guild.updateMany({
          where: { id: guildId, configVersion: stored.version },
          data: { ...columns, configVersion: { increment: 1 } },
        })
      : await tx.guild.createMany({ data: [{ id: guildId, ...columns }], skipDuplicates: true });
    if (written.count === 0) throw new LostRace();
    // Holding the counter row makes a save and the opens of this guild take turns, so an open never reads half
    // an old and half a new configuration.
    await tx.$executeRaw`INSERT INTO guild_ticket_counter (guild_id) VALUES (${guildId}) ON CONFLICT DO NOTHING`;
    await tx.$queryRaw`SELECT 1 FROM guild_ticket_counter WHERE guild_id = ${guildId} FOR UPDATE`;
    // Under the lock, so a save that ran meanwhile and added types is seen; refused, the transaction writes nothing.
    const overPlan = ticketTypesProblem(plan, await storedTypeKeys(tx, guildId), config);
    if (overPlan) throw new GuildConfigError([overPlan]);

    await tx.guildStaffRole.deleteMany({ where: { guildId, roleId: { notIn: config.staffRoleIds } } });
    await tx.guildStaffRole.createMany({
      data: config.staffRoleIds.map((roleId) => ({ guildId, roleId })),
      skipDuplicates: true,
    });
    await tx.guildBlockedUser.deleteMany({ where: { guildId, userId: { notIn: config.blockedUserIds } } });
    await tx.guildBlockedUser.createMany({
      data: config.blockedUserIds.map((userId) => ({ guildId, userId })),
      skipDuplicates: true,
    });

    await tx.guildTicketLabel.deleteMany({ where: { guildId } });
    await tx.guildTicketLabel.createMany({
      data: config.labels.map((label, position) => ({
        guildId,
        name: label.name,
        position,
        color: label.color ?? null,
        emoji: label.emoji ?? null,
      })),
    });

    await tx.ticketQuestion.deleteMany({ where: { guildId } });
    await tx.ticketType.deleteMany({ where: { guildId, key: { notIn: config.ticketTypes.map((type) => type.key) } } });
    for (const [position, type] of config.ticketTypes.entries()) {
      const typeColumns = {
        position,
        name: type.name,
        description: type.description,
        emoji: type.emoji ?? null,
        openingMessage: type.openingMessage,
        openLimit: type.openLimit,
        firstResponseMinutes: type.firstResponseMinutes,
        resolutionMinutes: type.resolutionMinutes,
        escalationRoleId: type.escalationRoleId,
        mode: type.mode,
        routing: type.routing,
      };
      await tx.ticketType.upsert({
        where: { guildId_key: { guildId, key: type.key } },
        create: { guildId, key: type.key, ...typeColumns },
        update: typeColumns,
      });
    }
    await tx.ticketQuestion.createMany({
      data: config.ticketTypes.flatMap((type) =>
        type.questions.map((question, position) => ({
          guildId,
          typeKey: type.key,
          position,
          label: question.label,
          placeholder: question.placeholder ?? null,
          style: question.style,
          required: question.required,
          minLength: question.minLength,
          maxLength: question.maxLength,
        })),
      ),
    });
  }, TRANSACTION_OPTIONS);
  return config;
}

function ticketTypesProblem(
  { plan, limits }: GuildPlan,
  stored: readonly { key: string }[],
  config: GuildConfig,
): GuildConfigProblem | null {
  const message = ticketTypesOverPlan({
    plan,
    allowed: limits.ticketTypes,
    storedKeys: stored.map((type) => type.key),
    savedKeys: config.ticketTypes.map((type) => type.key),
  });
  return message ? { path: 'ticketTypes', message } : null;
}

async function storedTypeKeys(tx: Prisma.TransactionClient, guildId: string): Promise<{ key: string }[]> {
  return tx.ticketType.findMany({ where: { guildId }, select: { key: true } });
}

const STORED_GUILD_PARTS = {
  staffRoles: { orderBy: { roleId: 'asc' } },
  blockedUsers: { orderBy: { userId: 'asc' } },
  ticketLabels: { orderBy: { position: 'asc' } },
  ticketTypes: { orderBy: { position: 'asc' }, include: { questions: { orderBy: { position: 'asc' } } } },
} satisfies Prisma.GuildInclude;

type StoredGuildRow = Prisma.GuildGetPayload<{ include: typeof STORED_GUILD_PARTS }>;

async function loadStoredGuildConfig(prisma: PrismaClient, guildId: string): Promise<StoredGuildConfig | null> {
  const guild = await prisma.guild.findUnique({ where: { id: guildId }, include: STORED_GUILD_PARTS });
  if (!guild) return null;
  return { config: storedConfig(guild), version: guild.configVersion };
}

function storedConfig(guild: StoredGuildRow): GuildConfig {
  return {
    staffRoleIds: guild.staffRoles.map((role) => role.roleId),
    ticketChannelId: guild.ticketChannelId,
    historiesChannelId: guild.historiesChannelId,
    remindersChannelId: guild.remindersChannelId,
    notificationRoleId: guild.notificationRoleId,
    notificationsEnabled: guild.notificationsEnabled,
    inactivityTimeoutMinutes: guild.inactivityTimeoutMinutes,
    inactivityGraceMinutes: guild.inactivityGraceMinutes,
    reminderIntervalMinutes: guild.reminderIntervalMinutes,
    openLimitPerMember: guild.openLimitPerMember,
    openCooldownSeconds: guild.openCooldownSeconds,
    language: resolveLocale(guild.language),
    reopenWindowDays: guild.reopenWindowDays,
    closingDmEnabled: guild.closingDmEnabled,
    blockedUserIds: guild.blockedUsers.map((user) => user.userId),
    supportHours: {
      timeZone: guild.supportTimeZone,
      windows: supportWindowSchema.array().parse(guild.supportWindows),
      holidays: guild.supportHolidays,
    },
    escalationRoleId: guild.escalationRoleId,
    ticketCategoryIds: guild.ticketCategoryIds,
    labels: guild.ticketLabels.map((label) => ({
      name: label.name,
      ...(label.color === null ? {} : { color: label.color }),
      ...(label.emoji === null ? {} : { emoji: label.emoji }),
    })),
    ticketTypes: guild.ticketTypes.map((type) => ({
      key: type.key,
      name: type.name,
      description: type.description,
      ...(type.emoji === null ? {} : { emoji: type.emoji }),
      openingMessage: type.openingMessage,
      openLimit: type.openLimit,
      firstResponseMinutes: type.firstResponseMinutes,
      resolutionMinutes: type.resolutionMinutes,
      escalationRoleId: type.escalationRoleId,
      mode: type.mode,
      routing: type.routing,
      questions: type.questions.map((question) => ({
        label: question.label,
        ...(question.placeholder === null ? {} : { placeholder: question.placeholder }),
        style: question.style,
        required: question.required,
        minLength: question.minLength,
        maxLength: question.maxLength,
      })),
    })),
  };
}
