import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type AnswerTiming, answerInTime, type DeferredAnswer } from '../../bot/interactions/answer-in-time.ts';
import { translator } from '../../i18n/translate.ts';
import { TicketRefusal } from '../../temporal/ticket-updates.ts';

/** The last edit is due 30 s before the token's end; these tokens end 30.3 s after the interaction. */
const TIMING: AnswerTiming = { answerWithinMs: 100, tokenLifeMs: 30_300 };

function deferredInteraction() {
  const edits: string[] = [];
  const interaction = {
    id: 'i1',
    createdTimestamp: Date.now(),
    editReply: async ({ content }: { content: string }) => {
      edits.push(content);
    },
  } as unknown as DeferredAnswer;
  return { interaction, edits };
}

const interim = { t: translator('en'), pending: async () => 'queued', unconfirmed: async () => 'unconfirmed' };

describe('answerInTime', () => {
  it('answers once with the outcome when it comes within the deadline', async () => {
    const { interaction, edits } = deferredInteraction();
    await answerInTime(interaction, interim, async () => 'done', TIMING);
    expect(edits).toEqual(['done']);
  });

  it('says what is true at the deadline, then the outcome when it comes', async () => {
    const { interaction, edits } = deferredInteraction();
    await answerInTime(interaction, interim, () => sleep(200, 'done'), TIMING);
    expect(edits).toEqual(['queued', 'done']);
  });

  it('shows the steps the work shows instead of the pending answer', async () => {
    const { interaction, edits } = deferredInteraction();
    await answerInTime(
      interaction,
      interim,
      async (show) => {
        await show('closing, held up');
        await sleep(200);
        return 'closed';
      },
      TIMING,
    );
    expect(edits).toEqual(['closing, held up', 'closed']);
  });

  it('gives up when the token runs out, telling the work to stop, and keeps a step it showed', async () => {
    const never = (stillWanted: AbortSignal) =>
      new Promise<string>((_, reject) => stillWanted.addEventListener('abort', () => reject(new Error('stopped'))));
    const plain = deferredInteraction();
    let stopped = false;
    await answerInTime(
      plain.interaction,
      interim,
      (_show, stillWanted) => {
        stillWanted.addEventListener('abort', () => {
          stopped = true;
        });
        return never(stillWanted);
      },
      TIMING,
    );
    expect(plain.edits).toEqual(['queued', 'unconfirmed']);
    expect(stopped).toBe(true);

    const stepped = deferredInteraction();
    await answerInTime(
      stepped.interaction,
      interim,
      async (show, stillWanted) => {
        await show('closing, held up');
        return never(stillWanted);
      },
      TIMING,
    );
    expect(stepped.edits).toEqual(['closing, held up']);
  });

  it("answers a refusal in the member's words and anything unexpected without promising either way", async () => {
    const refused = deferredInteraction();
    await answerInTime(
      refused.interaction,
      interim,
      async () => {
        throw new TicketRefusal('Forbidden', 'Only staff can assign tickets.');
      },
      TIMING,
    );
    // The workflow's English message stays in its history; the member reads the refusal by its type, in their words.
    expect(refused.edits).toEqual(['You are not allowed to do this with this ticket. Nothing was changed.']);

    const broken = deferredInteraction();
    await answerInTime(
      broken.interaction,
      interim,
      async () => {
        throw new Error('a bug');
      },
      TIMING,
    );
    expect(broken.edits).toEqual([
      'Something went wrong before the ticket service confirmed your request, and it is logged. Look at the ticket before trying again.',
    ]);
  });
});
