import { Title } from '@solidjs/meta';
import { A, createAsync, type RouteSectionProps } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { NotFound } from '../../components/NotFound.tsx';
import { Picture } from '../../components/Picture.tsx';
import { accessLabels, hasAccess } from '../../lib/access.ts';
import { getGuild } from '../../lib/api.ts';
import { guildSections } from '../../lib/guild-nav.ts';

/** The frame of every page of one guild: its name, the viewer's access, and the guild's navigation. */
export default function GuildLayout(props: RouteSectionProps) {
  const guild = createAsync(() => getGuild(props.params.guildId ?? ''), { deferStream: true });
  return (
    <Show when={guild() !== undefined}>
      <Show
        when={guild()}
        fallback={
          <NotFound what="This server does not exist, or the bot is not in it, or you are not one of its members." />
        }
      >
        {(current) => (
          <div class="guild-frame">
            <Title>{current().name} · Ticketflow</Title>
            <div class="guild-heading">
              <Picture url={current().iconUrl} name={current().name} size="large" />
              <div>
                <p class="guild-name">{current().name}</p>
                <p class={`badge badge-${current().access}`}>{accessLabels[current().access]}</p>
              </div>
            </div>
            <nav aria-label="Server" class="guild-nav">
              <For each={guildSections.filter((section) => hasAccess(current().access, section.access))}>
                {(section) => (
                  <A href={section.path(current().id)} end={section.end}>
                    {section.label}
                  </A>
                )}
              </For>
            </nav>
            <div class="guild-content">{props.children}</div>
          </div>
        )}
      </Show>
    </Show>
  );
}
