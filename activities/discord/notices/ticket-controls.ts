import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { CUSTOM_ID_PREFIX, customId } from '../../../domain/custom-ids.ts';
import type { TimerState } from '../../../domain/ticket.ts';

/**
 * The buttons under a ticket's welcome message, in order, and in which timer states each is offered. A custom id
 * is `<prefix>:<ticket number>` (at most 18 characters, far below Discord's 100); the guild and the thread come
 * with the interaction itself. Resuming also turns a disabled timer back on, so only pausing needs it running.
 */
const TICKET_BUTTONS = [
  { prefix: CUSTOM_ID_PREFIX.close, label: 'Close', style: ButtonStyle.Danger, offered: () => true },
  { prefix: CUSTOM_ID_PREFIX.claim, label: 'Claim', style: ButtonStyle.Success, offered: () => true },
  {
    prefix: CUSTOM_ID_PREFIX.pauseTimer,
    label: 'Pause timer',
    style: ButtonStyle.Secondary,
    offered: (timer: TimerState) => timer === 'running',
  },
  {
    prefix: CUSTOM_ID_PREFIX.resumeTimer,
    label: 'Resume timer',
    style: ButtonStyle.Secondary,
    offered: (timer: TimerState) => timer !== 'running',
  },
] as const;

export function ticketControls(ticketNumber: number, timer: TimerState): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: TICKET_BUTTONS.map((button) => ({
      type: ComponentType.Button,
      style: button.style,
      label: button.label,
      custom_id: customId(button.prefix, String(ticketNumber)),
      disabled: !button.offered(timer),
    })),
  };
}
