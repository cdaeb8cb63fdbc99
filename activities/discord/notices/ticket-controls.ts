import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { CUSTOM_ID_PREFIX, customId } from '../../../domain/custom-ids.ts';
import type { TimerState } from '../../../domain/ticket.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { type Translate, translator } from '../../../i18n/translate.ts';

/**
 * The buttons under a ticket's welcome message, in order, and in which timer states each is offered. A custom id
 * is `<prefix>:<ticket number>` (at most 18 characters, far below Discord's 100); the guild and the thread come
 * with the interaction itself. Resuming also turns a disabled timer back on, so only pausing needs it running.
 */
const TICKET_BUTTONS = [
  { prefix: CUSTOM_ID_PREFIX.close, label: 'notices.button.close', style: ButtonStyle.Danger, offered: () => true },
  { prefix: CUSTOM_ID_PREFIX.claim, label: 'notices.button.claim', style: ButtonStyle.Success, offered: () => true },
  {
    prefix: CUSTOM_ID_PREFIX.unclaim,
    label: 'notices.button.unclaim',
    style: ButtonStyle.Secondary,
    offered: () => true,
  },
  {
    prefix: CUSTOM_ID_PREFIX.pauseTimer,
    label: 'notices.button.pauseTimer',
    style: ButtonStyle.Secondary,
    offered: (timer: TimerState) => timer === 'running',
  },
  {
    prefix: CUSTOM_ID_PREFIX.resumeTimer,
    label: 'notices.button.resumeTimer',
    style: ButtonStyle.Secondary,
    offered: (timer: TimerState) => timer !== 'running',
  },
] as const;

function ticketControls(
  t: Translate,
  ticketNumber: number,
  timer: TimerState,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: TICKET_BUTTONS.map((button) => ({
      type: ComponentType.Button,
      style: button.style,
      label: t(button.label),
      custom_id: customId(button.prefix, String(ticketNumber)),
      disabled: !button.offered(timer),
    })),
  };
}

/**
 * The controls' second row: Request close (asks the creator to confirm the close) and Turn timer off (asks staff for
 * the reason in a modal), offered while the timer is not off yet. In the guild's language.
 */
function moreControls(
  t: Translate,
  ticketNumber: number,
  timer: TimerState,
): APIActionRowComponent<APIButtonComponent> {
  const id = String(ticketNumber);
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: t('close-request.requestCloseButton'),
        custom_id: customId(CUSTOM_ID_PREFIX.requestClose, id),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t('close-request.disableTimerButton'),
        custom_id: customId(CUSTOM_ID_PREFIX.disableTimer, id),
        disabled: timer === 'disabled',
      },
    ],
  };
}

/** Every row of controls under the welcome message, for this timer state, in the guild's language. */
export function ticketControlRows(
  ticketNumber: number,
  timer: TimerState,
  language?: string,
): APIActionRowComponent<APIButtonComponent>[] {
  const t = translator(resolveLocale(language));
  return [ticketControls(t, ticketNumber, timer), moreControls(t, ticketNumber, timer)];
}
