import { createSignal, onMount } from 'solid-js';
import { formatDateTime, formatRelative } from '../lib/local-time.ts';

/**
 * A moment in the viewer's time zone. The server cannot know that zone, so it renders UTC and says so; the browser
 * rewrites the text once hydrated. `relative` shows "3 hours ago" with the full time as the element's title.
 */
export function LocalTime(props: { iso: string; relative?: boolean }) {
  const [inBrowser, setInBrowser] = createSignal(false);
  onMount(() => setInBrowser(true));
  const full = () => (inBrowser() ? formatDateTime(props.iso) : `${formatDateTime(props.iso, 'UTC')} UTC`);
  return (
    <time datetime={props.iso} title={props.relative ? full() : undefined}>
      {props.relative && inBrowser() ? formatRelative(props.iso) : full()}
    </time>
  );
}
