import { type Client, Events, Status } from 'discord.js';
import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * Gateway health: reconnects and resumes per shard, and each shard's current status as a one-hot gauge
 * (`ticketflow_bot_gateway_shard_status{shard="0",status="ready"} 1`), read at every scrape.
 */
export function observeGateway(client: Client, registry: Registry): void {
  const reconnects = new Counter({
    name: 'ticketflow_bot_gateway_reconnects_total',
    help: 'Times a gateway shard lost its connection and reconnects',
    labelNames: ['shard'] as const,
    registers: [registry],
  });
  const resumes = new Counter({
    name: 'ticketflow_bot_gateway_resumes_total',
    help: 'Times a gateway shard resumed its session, Discord replaying what it missed',
    labelNames: ['shard'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'ticketflow_bot_gateway_shard_status',
    help: "1 for each shard's current status (ready, connecting, resuming, disconnected…), 0 for the others",
    labelNames: ['shard', 'status'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [id, shard] of client.ws.shards) {
        for (const [value, status] of STATUS_LABELS)
          this.set({ shard: String(id), status }, shard.status === value ? 1 : 0);
      }
    },
  });
  client.on(Events.ShardReconnecting, (shard) => reconnects.inc({ shard: String(shard) }));
  client.on(Events.ShardResume, (shard) => resumes.inc({ shard: String(shard) }));
}

/** discord.js's shard statuses as labels: Ready → ready, WaitingForGuilds → waiting_for_guilds. */
const STATUS_LABELS = new Map(
  Object.entries(Status)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([name, value]) => [value, name.replace(/(?<=.)([A-Z])/g, '_$1').toLowerCase()]),
);
