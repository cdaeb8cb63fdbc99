import type { SupportedLocale } from '../i18n/locales.ts';
import { relativeAmount } from './relative-amount.ts';
import type { TimeFormatOptions, TimeFormatter } from './time-format.ts';

/**
 * Dates as Discord shows them in a language other than English, worded by Intl in that language. The English
 * formatter is written by hand for speed; here the language's own order, names and 24-hour clock come from Intl,
 * whose formatters are built once per transcript and reused for every message.
 */
export function createIntlTimeFormatter(
  locale: Exclude<SupportedLocale, 'en'>,
  options: TimeFormatOptions,
): TimeFormatter {
  const zone = options.timeZone ?? 'UTC';
  const format = (style: Intl.DateTimeFormatOptions) => {
    const formatter = new Intl.DateTimeFormat(locale, { ...style, timeZone: zone });
    return (ms: number) => formatter.format(ms);
  };
  const numericDate = format({ day: '2-digit', month: '2-digit', year: 'numeric' });
  const shortTime = format({ timeStyle: 'short' });
  const styles = {
    t: shortTime,
    T: format({ timeStyle: 'medium' }),
    d: numericDate,
    D: format({ dateStyle: 'long' }),
    f: format({ dateStyle: 'long', timeStyle: 'short' }),
    F: format({ dateStyle: 'full', timeStyle: 'short' }),
  };
  const full = format({ dateStyle: 'full', timeStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

  // Messages arrive in time order, often several to a minute: remember the last minute's strings.
  let stampMinute = Number.NaN;
  let stampText = '';
  let shortText = '';
  const fillMinute = (ms: number) => {
    const minute = Math.floor(ms / 60_000);
    if (minute !== stampMinute) {
      stampMinute = minute;
      shortText = shortTime(ms);
      stampText = `${numericDate(ms)} ${shortText}`;
    }
  };

  return {
    zone,
    style(ms, style) {
      if (style !== 'R') return styles[style](ms);
      const [unit, amount] = relativeAmount(ms - options.relativeTo);
      return relative.format(amount, unit);
    },
    messageStamp(ms) {
      fillMinute(ms);
      return stampText;
    },
    shortTime(ms) {
      fillMinute(ms);
      return shortText;
    },
    full: (ms) => `${full(ms)} ${zone}`,
  };
}
