import { A, createAsync, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { getMe, signOut } from '../lib/api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Picture } from './Picture.tsx';
import { ThemePicker } from './ThemePicker.tsx';

export function SiteHeader() {
  const me = createAsync(() => getMe());
  const signingOut = useSubmission(signOut);
  return (
    <header class="site-header">
      <A href={me() ? '/guilds' : '/'} class="brand">
        Ticketflow
      </A>
      <Show when={me()}>
        {(user) => (
          <nav aria-label="Account" class="account-nav">
            <A href="/guilds" end>
              Servers
            </A>
            <A href="/account/sessions">Sessions</A>
            <Show when={user().operator}>
              <A href="/admin">Operators</A>
            </Show>
            <span class="signed-in-as">
              <Picture url={user().avatarUrl} name={user().displayName} />
              <span>
                <span class="visually-hidden">Signed in as </span>
                {user().displayName}
              </span>
            </span>
            <form action={signOut} method="post">
              <button type="submit" class="button button-quiet" disabled={signingOut.pending}>
                {signingOut.pending ? 'Signing out…' : 'Sign out'}
              </button>
            </form>
          </nav>
        )}
      </Show>
      <ThemePicker />
      <Show when={signingOut.error}>{(error) => <ErrorNotice error={error()} />}</Show>
    </header>
  );
}
