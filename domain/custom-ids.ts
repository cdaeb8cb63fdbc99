/**
 * The one registry of Ticketflow's custom ids: `<prefix>:<compact id>`, never JSON, at most Discord's 100
 * characters. Whoever builds a component or modal (the bot, the worker's notices) takes its prefix from here,
 * and the bot routes every interaction by it, so a prefix can neither be used twice nor drift between them.
 */
export const CUSTOM_ID_PREFIX = {
  /** The ticket thread's controls under the welcome notice, built by the worker; id = the ticket number. */
  close: 'tclose',
  claim: 'tclaim',
  unclaim: 'tunclaim',
  pauseTimer: 'tpause',
  resumeTimer: 'tresume',
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
  /** Request close and Turn timer off in the ticket's controls; id = the ticket number. */
  requestClose: 'tcrq',
  disableTimer: 'tdisable',
  /** The reason modal of Turn timer off; id = the ticket number. */
  disableTimerReason: 'tdisrm',
  /** Accept and Keep open under a close request; id = `<ticket number>:<request id>`. */
  closeRequestAccept: 'tcracc',
  closeRequestKeepOpen: 'tcrkeep',
  /** Previous/Next under a `/ticket list` answer; id = the 1-based page to show. */
  ticketListPage: 'tlist',
  /**
   * Confirms taking a ticket someone else holds; id = `<ticket number>:<assignee id, or - to release>:<1 when the
   * bot found the assignee to be staff, else 0>`.
   */
  takeOver: 'ttakeover',
  /** Reopen button on the closing notice; id = the ticket number. */
  reopen: 'treopen',
  /**
   * Rating buttons (1 to 5 stars) and the rating's comment modal; id = `<guild id>:<ticket number>:<stars>`, since
   * in a direct message no guild comes with the interaction.
   */
  rateStars: 'trate',
  rateComment: 'tratec',
  /** "Rate" in the thread when the creator's DMs are closed; id = the ticket number. */
  ratePrompt: 'tratep',
} as const;

export type CustomIdPrefix = (typeof CUSTOM_ID_PREFIX)[keyof typeof CUSTOM_ID_PREFIX];

const CUSTOM_ID_MAX = 100;

export function customId(prefix: CustomIdPrefix, id: string): string {
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
