import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord-api-types/v10';

/**
 * The buttons under a ticket's welcome message. A custom id is `<prefix>:<ticket number>` (at most
 * 17 characters, far below Discord's 100); the guild and the thread come with the interaction itself.
 */
export const TICKET_BUTTONS = {
  close: { prefix: 'tclose', label: 'Close', style: ButtonStyle.Danger },
  claim: { prefix: 'tclaim', label: 'Claim', style: ButtonStyle.Success },
  pauseTimer: { prefix: 'tpause', label: 'Pause timer', style: ButtonStyle.Secondary },
  resumeTimer: { prefix: 'tresume', label: 'Resume timer', style: ButtonStyle.Secondary },
} as const;

export type TicketButtonAction = keyof typeof TICKET_BUTTONS;

export function ticketButtonId(action: TicketButtonAction, ticketNumber: number): string {
  return `${TICKET_BUTTONS[action].prefix}:${ticketNumber}`;
}

/** The action and ticket a button's custom id names, or null when it is not a ticket button. */
export function parseTicketButtonId(customId: string): { action: TicketButtonAction; ticketNumber: number } | null {
  const match = /^([a-z]+):(\d{1,10})$/.exec(customId);
  if (!match) return null;
  const action = (Object.keys(TICKET_BUTTONS) as TicketButtonAction[]).find(
    (key) => TICKET_BUTTONS[key].prefix === match[1],
  );
  return action ? { action, ticketNumber: Number(match[2]) } : null;
}

export function ticketControls(ticketNumber: number): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: (Object.keys(TICKET_BUTTONS) as TicketButtonAction[]).map((action) => ({
      type: ComponentType.Button,
      style: TICKET_BUTTONS[action].style,
      label: TICKET_BUTTONS[action].label,
      custom_id: ticketButtonId(action, ticketNumber),
    })),
  };
}
