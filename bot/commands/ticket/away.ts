import { awaySubcommandData } from '../../../discord/ticket-command/people-subcommands.ts';
import { formatWorkingHours, isTimeZone, parseWorkingHours, type WorkingHours } from '../../../domain/routing.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { setStaffAvailability } from '../../../store/staff-roster.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { interactionWords } from '../../interactions/interaction-words.ts';
import { readInTime } from '../../interactions/read-in-time.ts';
import { isStaff } from '../../permissions.ts';
import { answerFailure, deferEphemeral, replyEphemeral, UserFacingError } from '../../replies.ts';

/** Clears a staff member's working hours: they are available whenever they are not away. */
const ALWAYS = 'always';

/**
 * `/ticket away on|off [hours] [time-zone]`: puts the staff member on the routing roster, away or available, with
 * the roles they hold now (which decide the ticket types routed to them) and optionally their working hours.
 */
export const awaySubcommand: TicketSubcommand = {
  data: awaySubcommandData,
  async execute(interaction, context) {
    try {
      await deferEphemeral(interaction);
      const config = await readInTime(context.guildConfigs.loadGuildConfig(interaction.guildId));
      const t = interactionWords(interaction, config?.language);
      const hours = workingHoursOf(
        t,
        interaction.options.getString('hours'),
        interaction.options.getString('time-zone'),
      );
      if (!config) throw new UserFacingError(t('people.notSetUp'));
      if (!isStaff(interaction.member, config)) throw new UserFacingError(t('people.awayOnlyStaff'));
      const away = interaction.options.getString('state', true) === 'on';
      const entry = await setStaffAvailability(context.prisma, {
        guildId: interaction.guildId,
        userId: interaction.user.id,
        roleIds: [...interaction.member.roles.cache.keys()],
        away,
        ...(hours === undefined ? {} : { hours }),
        at: Date.now(),
      });
      await replyEphemeral(
        interaction,
        away
          ? t('people.awayOn')
          : entry.hours
            ? t('people.awayOffHours', { hours: formatWorkingHours(entry.hours), timeZone: entry.hours.timeZone })
            : t('people.awayOff'),
      );
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};

/** The hours given, null for `always`, undefined when none were given; bad input is refused before anything is saved. */
function workingHoursOf(t: Translate, text: string | null, timeZone: string | null): WorkingHours | null | undefined {
  if (text === null) {
    if (timeZone !== null) throw new UserFacingError(t('people.badHours'));
    return undefined;
  }
  if (text.trim().toLowerCase() === ALWAYS) return null;
  if (timeZone === null) throw new UserFacingError(t('people.hoursNeedTimeZone'));
  if (!isTimeZone(timeZone)) throw new UserFacingError(t('people.badTimeZone', { timeZone }));
  const hours = parseWorkingHours(text, timeZone);
  if (!hours) throw new UserFacingError(t('people.badHours'));
  return hours;
}
