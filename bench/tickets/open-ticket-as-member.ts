import { performance } from 'node:perf_hooks';
import { ticketWorkflowId } from '../../temporal/ticket-client.ts';
import { settledReply } from '../../test/support/settled-reply.ts';
import type { TicketflowSystem } from '../../test/support/ticketflow-system.ts';

export interface OpenedTicket {
  username: string;
  workflowId: string;
  number: number;
  threadId: string;
  /** The panel button press until the modal came back (the sandbox's clock). */
  pressAckMs: number;
  /** The modal submit until the deferred reply ("thinking…"). */
  submitAckMs: number;
  /** The press until the reply naming the ready thread, as the member sees it. */
  pressToThreadMs: number;
  /** Wall-clock moments, to line up with the workflow history's server times. */
  pressedAt: number;
  submittedAt: number;
  answeredAt: number;
}

const OPENED_REPLY = /^Your ticket #(\d+) is open: <#(\d+)>$/;
/** Under load the thread takes seconds; a minute without it is a failure, not a slow sample. */
const THREAD_READY_TIMEOUT_MS = 60_000;

/**
 * One member opening a support ticket as a person would in the client: press the panel's button, answer the
 * modal at once, wait for the bot's reply with the thread. Anything but an opened ticket throws.
 */
export async function openTicketAsMember(system: TicketflowSystem, username: string): Promise<OpenedTicket> {
  const member = system.discord.driver.as(system.userId(username));
  const begun = performance.now();
  const pressedAt = Date.now();
  const pressed = member.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
  await pressed.waitForModal();
  const pressAck = await pressed.waitForAck();
  const submittedAt = Date.now();
  const submitted = member.submitModal(pressed, { q0: `${username} needs help with an order.` });
  const submitAck = await submitted.waitForAck();
  // An open slower than the bot's 5 s is first answered "queued", then with the thread: the thread is what counts.
  const reply = await settledReply(submitted, THREAD_READY_TIMEOUT_MS);
  const pressToThreadMs = performance.now() - begun;
  const opened = OPENED_REPLY.exec(reply.content);
  if (!opened) throw new Error(`${username} was answered "${reply.content}" instead of an opened ticket`);
  return {
    username,
    workflowId: ticketWorkflowId(system.world.guild.id, pressed.id),
    number: Number(opened[1]),
    threadId: opened[2] as string,
    pressAckMs: pressAck.ackMs,
    submitAckMs: submitAck.ackMs,
    pressToThreadMs,
    pressedAt,
    submittedAt,
    answeredAt: Date.now(),
  };
}
