import { Histogram, type Registry } from 'prom-client';
import type { InteractionObserver } from '../interactions/interaction-intake.ts';

/** Each interaction's kind, outcome and latency, as the intake reports them; `_count` counts interactions. */
export function interactionMetrics(registry: Registry): InteractionObserver {
  const interactions = new Histogram({
    name: 'ticketflow_bot_interaction_duration_seconds',
    help: 'Time from receiving an interaction to finishing with it, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    // Discord's window for the first answer is 3 s; follow-ups may take longer.
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    registers: [registry],
  });
  return (kind, outcome, seconds) => interactions.observe({ kind, outcome }, seconds);
}
