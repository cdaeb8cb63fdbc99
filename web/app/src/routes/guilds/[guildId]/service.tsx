import { Title } from '@solidjs/meta';
import { A, createAsync, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import '../../../components/settings/settings.css';
import { CategoriesSection } from '../../../components/service/CategoriesSection.tsx';
import { ClosingSection } from '../../../components/service/ClosingSection.tsx';
import { LabelsSection } from '../../../components/service/LabelsSection.tsx';
import { SlaSection } from '../../../components/service/SlaSection.tsx';
import { SupportHoursSection } from '../../../components/service/SupportHoursSection.tsx';
import { getGuildSettings } from '../../../lib/settings-api.ts';

/**
 * The guild's service settings, for its admins: support hours, SLA targets, labels, ticket categories and what
 * follows a close. Each part is saved on its own (`PUT …/config/<part>`), as one `/ticket-config` subcommand does.
 */
export default function GuildServicePage() {
  const params = useParams<{ guildId: string }>();
  const settings = createAsync(() => getGuildSettings(params.guildId), { deferStream: true });
  return (
    <section aria-labelledby="service-title" class="service-page">
      <Title>Service · Ticketflow</Title>
      <h1 id="service-title">Service settings</h1>
      <Show when={settings()}>
        {(current) => (
          <Show
            when={current().config}
            fallback={
              <p class="notice">
                Tickets are not set up on this server yet: choose a ticket channel in{' '}
                <A href={`/guilds/${params.guildId}/settings`}>Settings</A> and save first.
              </p>
            }
          >
            {(config) => (
              <>
                <SupportHoursSection guildId={params.guildId} config={config()} />
                <SlaSection guildId={params.guildId} config={config()} roles={current().roles} />
                <LabelsSection guildId={params.guildId} config={config()} />
                <CategoriesSection guildId={params.guildId} config={config()} categories={current().categories} />
                <ClosingSection guildId={params.guildId} config={config()} />
              </>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}
