import { Title } from '@solidjs/meta';
import { A } from '@solidjs/router';
import { HttpStatusCode } from '@solidjs/start';

/** Answers 404: for unknown paths, and for a guild the viewer may not see (they look the same, by design). */
export function NotFound(props: { what?: string }) {
  return (
    <section class="page narrow" aria-labelledby="not-found-title">
      <HttpStatusCode code={404} />
      <Title>Not found · Ticketflow</Title>
      <h1 id="not-found-title">Not found</h1>
      <p>{props.what ?? 'There is no page at this address.'}</p>
      <p>
        <A href="/guilds">Back to your servers</A>
      </p>
    </section>
  );
}
