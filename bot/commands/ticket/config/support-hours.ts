import { supportHoursSubcommandData } from '../../../../discord/ticket-command/sla-config-subcommands.ts';
import { GUILD_CONFIG_LIMITS, type GuildConfig } from '../../../../domain/guild-config.ts';
import { parseHolidayList } from '../../../../domain/holiday-list-text.ts';
import { canonicalTimeZone, type SupportHours } from '../../../../domain/support-hours.ts';
import { formatSupportSchedule, parseSupportSchedule } from '../../../../domain/support-schedule-text.ts';
import type { Translate } from '../../../../i18n/translate.ts';
import { UserFacingError } from '../../../replies.ts';
import { saveConfigChange } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/**
 * `/ticket-config support-hours [time-zone] [hours] [holidays]`: each given part replaces the guild's; none given
 * shows them. Everything is read before anything is saved, so a bad part changes nothing.
 */
export const supportHoursSubcommand: ConfigSubcommand = {
  data: supportHoursSubcommandData,
  async answer(interaction, context, t) {
    const zoneText = interaction.options.getString('time-zone');
    const hoursText = interaction.options.getString('hours');
    const holidaysText = interaction.options.getString('holidays');
    const change = readChange(t, zoneText, hoursText, holidaysText);
    if (Object.keys(change).length === 0) {
      const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
      if (!config) throw new UserFacingError(t('sla.notSetUp'));
      return describe(t, 'sla.supportHoursShown', config.supportHours);
    }
    const saved = await saveConfigChange(interaction, context, t, (config): GuildConfig => {
      if (!config) throw new UserFacingError(t('sla.notSetUp'));
      return { ...config, supportHours: { ...config.supportHours, ...change } };
    });
    return describe(t, 'sla.supportHoursSaved', saved.supportHours);
  },
};

function readChange(
  t: Translate,
  zoneText: string | null,
  hoursText: string | null,
  holidaysText: string | null,
): Partial<SupportHours> {
  const change: Partial<SupportHours> = {};
  if (zoneText !== null) {
    const timeZone = canonicalTimeZone(zoneText);
    if (!timeZone) throw new UserFacingError(t('sla.badTimeZone', { timeZone: zoneText.trim() }));
    change.timeZone = timeZone;
  }
  if (hoursText !== null) {
    const parsed = parseSupportSchedule(hoursText);
    if (!parsed.ok) {
      const { problem } = parsed;
      if (problem.code === 'empty') throw new UserFacingError(t('sla.emptySchedule'));
      throw new UserFacingError(
        t(problem.code === 'bad_days' ? 'sla.badDays' : 'sla.badWindow', { part: problem.part }),
      );
    }
    if (parsed.windows.length > GUILD_CONFIG_LIMITS.supportWindows) {
      throw new UserFacingError(t('sla.tooManyWindows', { max: GUILD_CONFIG_LIMITS.supportWindows }));
    }
    change.windows = parsed.windows;
  }
  if (holidaysText !== null) {
    const parsed = parseHolidayList(holidaysText);
    if (!parsed.ok) throw new UserFacingError(t('sla.badHoliday', { date: parsed.bad }));
    if (parsed.dates.length > GUILD_CONFIG_LIMITS.supportHolidays) {
      throw new UserFacingError(t('sla.tooManyHolidays', { max: GUILD_CONFIG_LIMITS.supportHolidays }));
    }
    change.holidays = parsed.dates;
  }
  return change;
}

function describe(t: Translate, key: 'sla.supportHoursSaved' | 'sla.supportHoursShown', hours: SupportHours): string {
  return t(key, {
    schedule: formatSupportSchedule(hours.windows),
    timeZone: hours.timeZone,
    holidays: hours.holidays.length > 0 ? hours.holidays.join(', ') : t('sla.holidaysNone'),
  });
}
