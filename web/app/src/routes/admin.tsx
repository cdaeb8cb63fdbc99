import { Title } from '@solidjs/meta';
import { A, createAsync, type RouteSectionProps } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { NotFound } from '../components/NotFound.tsx';
import { adminSections } from '../lib/admin-nav.ts';
import { getMe } from '../lib/api.ts';
import '../components/billing/billing.css';
import '../components/settings/settings.css';
import '../components/tickets/tickets.css';

/**
 * The frame of the operators' pages. To anyone else it is a page that does not exist, as the admin API answers
 * them; each page's own query is refused by the API all the same.
 */
export default function AdminLayout(props: RouteSectionProps) {
  const me = createAsync(() => getMe(), { deferStream: true });
  return (
    <Show when={me() !== undefined}>
      <Show when={me()?.operator} fallback={<NotFound />}>
        <div class="guild-frame">
          <Title>Operators · Ticketflow</Title>
          <p class="guild-name">Operators</p>
          <nav aria-label="Operators" class="guild-nav">
            <For each={adminSections}>
              {(section) => (
                <A href={section.path} end={section.end}>
                  {section.label}
                </A>
              )}
            </For>
          </nav>
          <div class="guild-content">{props.children}</div>
        </div>
      </Show>
    </Show>
  );
}
