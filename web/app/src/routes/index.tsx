import { Title } from '@solidjs/meta';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { getMe } from '../lib/api.ts';

/** Where to go after signing in: a path on this site only (the server checks again), the server list by default. */
function afterSignIn(next: string | string[] | undefined): string {
  const path = Array.isArray(next) ? next[0] : next;
  return path?.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/guilds';
}

export default function Landing() {
  const me = createAsync(() => getMe());
  const [searchParams] = useSearchParams();
  const signInHref = () => `/auth/login?${new URLSearchParams({ next: afterSignIn(searchParams.next) })}`;
  return (
    <section class="page narrow landing" aria-labelledby="landing-title">
      <Title>Ticketflow · support tickets for Discord</Title>
      <h1 id="landing-title">Support tickets for your Discord server</h1>
      <p class="lead">
        Ticketflow opens a private thread for every request, asks the questions you set, reminds your staff, closes
        quiet tickets on time and keeps a transcript of each one.
      </p>
      <p>
        This panel is for a server's staff: see your servers' tickets as they happen, act on them, change the settings
        and read transcripts.
      </p>
      <Show
        when={me()}
        fallback={
          <p>
            {/* rel="external": a server route (fastify's), so the router must not take the click for a page change */}
            <a class="button button-primary" href={signInHref()} rel="external">
              Sign in with Discord
            </a>
          </p>
        }
      >
        {(user) => (
          <p>
            Signed in as {user().displayName}. <A href="/guilds">Go to your servers</A>
          </p>
        )}
      </Show>
    </section>
  );
}
