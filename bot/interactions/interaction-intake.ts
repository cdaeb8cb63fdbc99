import type { Interaction } from 'discord.js';
import { withDeadline } from '../../telemetry/deadline.ts';
import { withLogContext } from '../../telemetry/log-context.ts';
import { logFailure, replyEphemeral } from '../replies.ts';
import { type InteractionOutcome, noteInteractionOutcome, recordingOutcome } from './interaction-outcome.ts';
import { interactionWords } from './interaction-words.ts';

export type InteractionKind = 'command' | 'button' | 'select_menu' | 'modal' | 'autocomplete' | 'other';

/** Told once each interaction is dealt with: what kind it was, how it went, and how long it took in seconds. */
export type InteractionObserver = (kind: InteractionKind, outcome: InteractionOutcome, seconds: number) => void;

/**
 * Where every interaction enters the bot: each is handled with its guild, channel and interaction id on every log
 * line, timed and counted; a stopping bot closes the intake, answers new interactions that it is restarting, and
 * waits a little for the ones it is still handling.
 */
export interface InteractionIntake {
  take(interaction: Interaction, route: (interaction: Interaction) => Promise<void>): Promise<void>;
  /** From now on, interactions are answered that the bot is restarting instead of being routed. */
  close(): void;
  /** Resolves when the interactions being handled are done (true), or after `timeoutMs` (false). */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInteractionIntake(observe: InteractionObserver = () => {}): InteractionIntake {
  let open = true;
  const inFlight = new Set<Promise<void>>();

  async function handle(interaction: Interaction, route: (interaction: Interaction) => Promise<void>) {
    const started = performance.now();
    const kind = interactionKind(interaction);
    const context = {
      interactionId: interaction.id,
      kind,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
    };
    const outcome = await withLogContext(context, () =>
      recordingOutcome(async () => {
        try {
          await (open ? route(interaction) : answerRestarting(interaction));
        } catch (error) {
          noteInteractionOutcome('failed');
          logFailure('interaction handling failed', error);
        }
      }),
    );
    observe(kind, outcome, (performance.now() - started) / 1000);
  }

  return {
    take(interaction, route) {
      const handled = handle(interaction, route);
      inFlight.add(handled);
      void handled.finally(() => inFlight.delete(handled));
      return handled;
    },
    close() {
      open = false;
    },
    drain: (timeoutMs) =>
      withDeadline(
        Promise.all(inFlight).then(() => true),
        timeoutMs,
      ).catch(() => false),
  };
}

async function answerRestarting(interaction: Interaction): Promise<void> {
  noteInteractionOutcome('restarting');
  if (interaction.isAutocomplete()) await interaction.respond([]);
  // A stopping bot reads nothing more: the member's client language, else English.
  else if (interaction.isRepliable())
    await replyEphemeral(interaction, interactionWords(interaction, null)('replies.restarting'));
}

function interactionKind(interaction: Interaction): InteractionKind {
  if (interaction.isChatInputCommand()) return 'command';
  if (interaction.isButton()) return 'button';
  if (interaction.isAnySelectMenu()) return 'select_menu';
  if (interaction.isModalSubmit()) return 'modal';
  if (interaction.isAutocomplete()) return 'autocomplete';
  return 'other';
}
