import { Title } from '@solidjs/meta';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { LocalTime } from '../../../../components/LocalTime.tsx';
import { NotFound } from '../../../../components/NotFound.tsx';
import { TicketActionOutcome } from '../../../../components/tickets/TicketActionOutcome.tsx';
import { TicketActions } from '../../../../components/tickets/TicketActions.tsx';
import { TicketConversation } from '../../../../components/tickets/TicketConversation.tsx';
import { TicketTimeline } from '../../../../components/tickets/TicketTimeline.tsx';
import {
  priorityLabels,
  statusLabels,
  timerLabels,
  timerOffReason,
} from '../../../../components/tickets/ticket-words.ts';
import { hasAccess } from '../../../../lib/access.ts';
import { getGuild, getMe } from '../../../../lib/api.ts';
import { getTicket, ticketPath } from '../../../../lib/ticket-api.ts';
import { followTicketStream } from '../../../../lib/ticket-stream.ts';
import '../../../../components/tickets/tickets.css';

export default function TicketPage() {
  const params = useParams<{ guildId: string; number: string }>();
  const answer = createAsync(() => getTicket(params.guildId, params.number), { deferStream: true });
  const guild = createAsync(() => getGuild(params.guildId));
  const me = createAsync(() => getMe());
  followTicketStream({
    path: () => `${ticketPath(params.guildId, params.number)}/stream`,
    changeId: () => answer()?.changeId,
    refresh: () => revalidate(getTicket.keyFor(params.guildId, params.number)),
  });
  const staff = () => {
    const current = guild();
    return current ? hasAccess(current.access, 'staff') : false;
  };

  return (
    <Show when={answer() !== undefined}>
      <Show when={answer()} fallback={<NotFound what="This ticket does not exist, or it is not yours to see." />}>
        {(current) => {
          const ticket = () => current().ticket;
          const nameOf = (id: string | null) => {
            if (id === null) return 'Ticketflow';
            if (id === ticket().creatorId) return ticket().creatorName;
            return ticket().messages.find((message) => message.authorId === id)?.authorName ?? `User ${id}`;
          };
          return (
            <article aria-labelledby="ticket-title" class="ticket-page">
              <Title>{`Ticket #${ticket().number} · Ticketflow`}</Title>
              <p>
                <A href={`/guilds/${params.guildId}/tickets`}>← All tickets</A>
              </p>
              <h1 id="ticket-title">
                Ticket #{ticket().number}: {ticket().typeName}
              </h1>
              <dl class="ticket-facts">
                <div>
                  <dt>Status</dt>
                  <dd>
                    <span class={`badge status-${ticket().status}`}>{statusLabels[ticket().status]}</span>
                  </dd>
                </div>
                <div>
                  <dt>Inactivity timer</dt>
                  <dd>
                    {timerLabels[ticket().timerState]}
                    {ticket().timerState === 'disabled' ? timerOffReason(ticket().events) : ''}
                  </dd>
                </div>
                <Show when={ticket().status === 'open' && ticket().waitingOn}>
                  <div>
                    <dt>Waiting for</dt>
                    <dd>{ticket().waitingOn === 'staff' ? 'Staff' : 'The member'}</dd>
                  </div>
                </Show>
                <div>
                  <dt>Priority</dt>
                  <dd>{priorityLabels[ticket().priority]}</dd>
                </div>
                <div>
                  <dt>Labels</dt>
                  <dd>
                    <Show when={ticket().labels.length > 0} fallback="None">
                      <For each={ticket().labels}>{(label) => <span class="badge">{label}</span>}</For>
                    </Show>
                  </dd>
                </div>
                <div>
                  <dt>Opened by</dt>
                  <dd>{ticket().creatorName}</dd>
                </div>
                <div>
                  <dt>Opened</dt>
                  <dd>
                    <LocalTime iso={ticket().openedAt} />
                  </dd>
                </div>
                <div>
                  <dt>Assignee</dt>
                  <dd>{ticket().assigneeId ? nameOf(ticket().assigneeId) : 'Unassigned'}</dd>
                </div>
                <Show when={ticket().members.length > 0}>
                  <div>
                    <dt>Added members</dt>
                    <dd>
                      {ticket()
                        .members.map((member) => nameOf(member.userId))
                        .join(', ')}
                    </dd>
                  </div>
                </Show>
                <Show when={ticket().closedAt}>
                  {(at) => (
                    <div>
                      <dt>Closed</dt>
                      <dd>
                        <LocalTime iso={at()} />
                        {ticket().closeReason ? `: “${ticket().closeReason}”` : ''}
                      </dd>
                    </div>
                  )}
                </Show>
              </dl>
              <Show when={ticket().answers.length > 0}>
                <section aria-labelledby="answers-title">
                  <h2 id="answers-title">Answers</h2>
                  <dl class="ticket-answers">
                    <For each={ticket().answers}>
                      {(entry) => (
                        <>
                          <dt>{entry.question}</dt>
                          <dd>{entry.answer}</dd>
                        </>
                      )}
                    </For>
                  </dl>
                </section>
              </Show>
              <TicketActionOutcome />
              <Show when={staff() && ticket().status === 'open' && me()}>
                {(viewer) => (
                  <TicketActions guildId={params.guildId} ticket={ticket()} viewerId={viewer().id} nameOf={nameOf} />
                )}
              </Show>
              <div class="ticket-columns">
                <TicketConversation messages={ticket().messages} olderMessages={ticket().olderMessages} />
                <TicketTimeline events={ticket().events} nameOf={nameOf} />
              </div>
            </article>
          );
        }}
      </Show>
    </Show>
  );
}
