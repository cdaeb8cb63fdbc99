import { createAsync, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { accessExplanations, accessLabels } from '../../../lib/access.ts';
import { getGuild } from '../../../lib/api.ts';

export default function GuildHome() {
  const params = useParams<{ guildId: string }>();
  const guild = createAsync(() => getGuild(params.guildId));
  return (
    <Show when={guild()}>
      {(current) => (
        <section aria-labelledby="guild-home-title">
          <h1 id="guild-home-title">{current().name}</h1>
          <p>
            Your access: <strong>{accessLabels[current().access]}</strong>. {accessExplanations[current().access]}
          </p>
        </section>
      )}
    </Show>
  );
}
