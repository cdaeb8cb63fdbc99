/**
 * Custom ids of the components and modals the bot itself sends: `<prefix>:<compact id>`, never JSON. The
 * ticket thread's control buttons are built by the welcome notice (activities/discord/notices/ticket-controls.ts).
 */
export const CUSTOM_ID_PREFIX = {
  /** Panel button of a guild with one ticket type; id = the type key. */
  panelOpen: 'tpanel',
  /** Panel select of a guild with several types; id = `types`, the chosen value is the type key. */
  panelSelect: 'tpick',
  /** The type's questions; id = `<type key>:<id of the interaction that began the open>`. */
  questions: 'tqa',
  /** Close confirmation buttons and the reason modal; id = the ticket number. */
  closeConfirm: 'tcloseok',
  closeWithReason: 'tclosewr',
  closeReason: 'tcloserm',
  /** Previous/Next under a `/ticket list` answer; id = the 1-based page to show. */
  ticketListPage: 'tlist',
} as const;

const CUSTOM_ID_MAX = 100;

export function customId(prefix: string, id: string): string {
  const value = `${prefix}:${id}`;
  if (value.length > CUSTOM_ID_MAX) throw new Error(`custom id longer than ${CUSTOM_ID_MAX} characters: ${prefix}`);
  return value;
}

/** Prefix and id of a custom id; null when it has no `prefix:` part. */
export function splitCustomId(value: string): { prefix: string; id: string } | null {
  const colon = value.indexOf(':');
  if (colon <= 0) return null;
  return { prefix: value.slice(0, colon), id: value.slice(colon + 1) };
}
