import { Title } from '@solidjs/meta';
import { createAsync, useSubmission } from '@solidjs/router';
import { createUniqueId, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LocalTime } from '../../components/LocalTime.tsx';
import { getSessions, revokeSession, type Session, signOut } from '../../lib/api.ts';

function SessionRow(props: { session: Session }) {
  const revoking = useSubmission(revokeSession, ([sessionId]) => sessionId === props.session.id);
  const device = () => props.session.userAgent ?? 'Unknown browser';
  // A screen reader announces which session a Revoke button ends: its browser and when it signed in.
  const deviceId = createUniqueId();
  const signedInId = createUniqueId();
  return (
    <li class="session" aria-current={props.session.current ? 'true' : undefined}>
      <div class="session-device">
        <span class="session-agent" id={deviceId}>
          {device()}
        </span>
        <Show when={props.session.current}>
          <span class="badge badge-current">This browser</span>
        </Show>
      </div>
      <dl class="session-times">
        <div id={signedInId}>
          <dt>Signed in</dt>
          <dd>
            <LocalTime iso={props.session.createdAt} />
          </dd>
        </div>
        <div>
          <dt>Last active</dt>
          <dd>
            <LocalTime iso={props.session.lastSeenAt} relative />
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>
            <LocalTime iso={props.session.expiresAt} />
          </dd>
        </div>
      </dl>
      <Show
        when={!props.session.current}
        fallback={
          <form action={signOut} method="post">
            <button type="submit" class="button">
              Sign out
            </button>
          </form>
        }
      >
        <form action={revokeSession.with(props.session.id)} method="post">
          <button
            type="submit"
            class="button"
            disabled={revoking.pending}
            aria-describedby={`${deviceId} ${signedInId}`}
          >
            {revoking.pending ? 'Revoking…' : 'Revoke'}
          </button>
        </form>
        <Show when={revoking.error}>{(error) => <ErrorNotice error={error()} />}</Show>
      </Show>
    </li>
  );
}

export default function Sessions() {
  const sessions = createAsync(() => getSessions(), { deferStream: true });
  return (
    <section class="page" aria-labelledby="sessions-title">
      <Title>Sessions · Ticketflow</Title>
      <h1 id="sessions-title">Where you are signed in</h1>
      <p>
        Each browser you signed in with has a session. Revoke one you do not recognise or no longer use: that browser is
        signed out at its next request.
      </p>
      <Show when={sessions()}>
        {(list) => (
          <ul class="session-list" aria-label="Sessions">
            <For each={list()}>{(session) => <SessionRow session={session} />}</For>
          </ul>
        )}
      </Show>
    </section>
  );
}
