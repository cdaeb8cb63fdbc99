import { Title } from '@solidjs/meta';
import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Picture } from '../../components/Picture.tsx';
import { accessLabels } from '../../lib/access.ts';
import { getGuilds } from '../../lib/api.ts';

export default function GuildPicker() {
  const guilds = createAsync(() => getGuilds(), { deferStream: true });
  return (
    <section class="page" aria-labelledby="guilds-title">
      <Title>Your servers · Ticketflow</Title>
      <h1 id="guilds-title">Your servers</h1>
      <Show when={guilds()}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <div class="empty-state">
                <h2>No servers to show</h2>
                <p>A server appears here when both of these are true:</p>
                <ul>
                  <li>the Ticketflow bot is a member of the server, and</li>
                  <li>
                    you are its staff: you have one of the staff roles set in <code>/ticket-config</code>, or the Manage
                    Server permission.
                  </li>
                </ul>
                <p>Ask a server admin to invite the bot or give you a staff role, then come back.</p>
              </div>
            }
          >
            <ul class="card-list" aria-label="Servers">
              <For each={list()}>
                {(guild) => (
                  <li>
                    <A class="card" href={`/guilds/${guild.id}`}>
                      <Picture url={guild.iconUrl} name={guild.name} size="large" />
                      <span class="card-title">{guild.name}</span>
                      <span class={`badge badge-${guild.access}`}>{accessLabels[guild.access]}</span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
