import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay in front of a real service (Postgres, Temporal) that a test can cut or stall, to play an outage of
 * that service for whoever connects through the relay while everyone else still reaches it.
 */
export interface TcpRelay {
  /** `127.0.0.1:<port>`: where clients connect instead of the service. */
  address: string;
  /** The service is down: open connections are dropped, new ones refused. */
  cut(): void;
  /** The service hangs (a stalled host, a partition): connections stay open but nothing passes either way. */
  stall(): void;
  /** The service is back: traffic passes again, held connections included. */
  restore(): void;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream: Socket;
}

export async function startTcpRelay(target: { host: string; port: number }): Promise<TcpRelay> {
  let mode: 'pass' | 'cut' | 'stall' = 'pass';
  const links = new Set<Link>();
  const hold = ({ client, upstream }: Link) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const pass = ({ client, upstream }: Link) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const cut = () => {
    mode = 'cut';
    for (const link of links) {
      link.client.destroy();
      link.upstream.destroy();
    }
    links.clear();
  };
  const server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const link = { client, upstream: connect(target.port, target.host) };
    const drop = () => {
      link.client.destroy();
      link.upstream.destroy();
      links.delete(link);
    };
    for (const socket of [link.client, link.upstream]) socket.on('error', drop).on('close', drop);
    links.add(link);
    if (mode === 'stall') hold(link);
    else pass(link);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the relay has no port');
  return {
    address: `127.0.0.1:${address.port}`,
    cut,
    stall() {
      mode = 'stall';
      for (const link of links) hold(link);
    },
    restore() {
      const held = mode === 'stall';
      mode = 'pass';
      if (held) for (const link of links) pass(link);
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `url` (a Postgres URL) with its host and port replaced by the relay's. */
export function throughRelay(url: string, relay: TcpRelay): string {
  const relayed = new URL(url);
  relayed.host = relay.address;
  return relayed.toString();
}

/** The host and port of a Postgres URL or a `host:port` address, for a relay to forward to. */
export function hostAndPort(urlOrAddress: string): { host: string; port: number } {
  const { hostname, port } = new URL(urlOrAddress.includes('://') ? urlOrAddress : `tcp://${urlOrAddress}`);
  return { host: hostname, port: Number(port) };
}
