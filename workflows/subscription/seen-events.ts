/** How many recent provider event ids a subscription remembers; providers redeliver within days, not thousands. */
export const SEEN_EVENT_IDS = 500;

/** Remembers `eventId` (newest last), forgetting the oldest beyond the bound. False when it was already seen. */
export function rememberEventId(seen: string[], eventId: string): boolean {
  if (seen.includes(eventId)) return false;
  seen.push(eventId);
  if (seen.length > SEEN_EVENT_IDS) seen.splice(0, seen.length - SEEN_EVENT_IDS);
  return true;
}
