import { For, Show } from 'solid-js';
import type { TicketMessage } from '../../lib/ticket-api.ts';
import { LocalTime } from '../LocalTime.tsx';

/** The ticket's thread as stored, oldest first, as it happens: edits show their newest text, deletions stay, marked. */
export function TicketConversation(props: { messages: TicketMessage[]; olderMessages: boolean }) {
  return (
    <section aria-labelledby="conversation-title">
      <h2 id="conversation-title">Conversation</h2>
      <Show when={props.olderMessages}>
        <p class="loading">Older messages are in the ticket’s transcript.</p>
      </Show>
      <Show when={props.messages.length > 0} fallback={<p class="loading">No messages yet.</p>}>
        <ol class="conversation" aria-live="polite" aria-label="Messages">
          <For each={props.messages}>
            {(message) => (
              <li
                class="message"
                classList={{ 'message-deleted': message.deletedAt !== null }}
                data-message-id={message.id}
              >
                <p class="message-meta">
                  <strong>{message.authorName}</strong>
                  <Show when={message.authorIsBot}>
                    <span class="badge">Bot</span>
                  </Show>{' '}
                  <LocalTime iso={message.createdAt} />
                  <Show when={message.editedAt}>
                    {(at) => (
                      <span class="message-note">
                        {' '}
                        · edited <LocalTime iso={at()} />
                      </span>
                    )}
                  </Show>
                  <Show when={message.deletedAt}>
                    {(at) => (
                      <span class="message-note">
                        {' '}
                        · deleted on Discord <LocalTime iso={at()} />
                      </span>
                    )}
                  </Show>
                </p>
                <p class="message-content">{message.content}</p>
                <Show when={message.attachments.length > 0}>
                  <ul class="message-attachments" aria-label="Attachments">
                    <For each={message.attachments}>{(file) => <li>{file.filename}</li>}</For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
