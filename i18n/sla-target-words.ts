import type { Translate } from './translate.ts';

/** An SLA target in words: hours when it is whole hours, else minutes; `no target` for none. */
export function targetInWords(t: Translate, minutes: number | null): string {
  if (minutes === null) return t('sla.targetNone');
  return minutes % 60 === 0 ? t('sla.targetHours', { hours: minutes / 60 }) : t('sla.targetMinutes', { minutes });
}
