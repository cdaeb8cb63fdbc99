import { describe, expect, it } from 'vitest';
import { closeTicket, rateTicket } from '../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const DAY = 24 * 3_600_000;

describe("a closed ticket's transcript and its rating", () => {
  it('is made again over the same key once the creator rates, so it shows the rating; once per rating', () =>
    suite.withWorker(async ({ fake, open }) => {
      const env = suite.env();
      const { workflowId } = await open();
      const handle = env.client.workflow.getHandle(workflowId);
      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'solved' }] });
      expect(fake.renders).toHaveLength(1);

      await env.sleep(DAY);
      await handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 5, comment: 'Thanks!' }] });
      await eventually(() => expect(fake.renders).toHaveLength(2));
      expect(fake.renders[1]?.key).toBe(fake.renders[0]?.key);
      // Made from Postgres after the rating was stored there.
      const calls = fake.calls.map((call) => call.name);
      const ratedAt = fake.calls.findIndex(
        (call) =>
          call.name === 'recordTicketChange' && (call.input as { event?: { kind: string } }).event?.kind === 'rated',
      );
      expect(ratedAt).toBeGreaterThan(-1);
      expect(calls.lastIndexOf('renderTranscript')).toBeGreaterThan(ratedAt);

      await handle.result();
      expect(fake.renders).toHaveLength(2);
    }));
});
