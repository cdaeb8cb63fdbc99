import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPanelBuildDir } from '../../web/server/panel/panel-plugin.ts';
import { freePort } from './free-port.ts';
import { type ServiceProcess, serviceProcess } from './service-process.ts';
import { startTicketflowSystem, type TicketflowSystem, type TicketflowSystemOptions } from './ticketflow-system.ts';

/** The username the panel's operator picks on the local Discord's consent page. */
export const OPERATOR_USERNAME = 'olga';

export interface PanelSystemOptions extends TicketflowSystemOptions {
  /** More of the web process's environment: a payment provider's settings, for the billing routes and pages. */
  webEnv?: Record<string, string>;
}

export interface PanelSystem {
  system: TicketflowSystem;
  /** The web process (`web/server/main.ts`) serving the API and the built panel. */
  web: ServiceProcess;
  /** Where it listens, which is also its PUBLIC_URL: `http://127.0.0.1:<port>`. */
  url: string;
  /** The service's operator (ADMIN_USER_IDS), a local Discord user in no guild, who signs in as `OPERATOR_USERNAME`. */
  operatorId: string;
  close(): Promise<void>;
}

/**
 * The whole system (ticketflow-system.ts: Postgres, Temporal dev server, worker, bot, local Discord) and the web
 * process beside it as production runs it, signing people in through the local Discord and serving the panel as
 * built by scripts/install.sh (not a dev server).
 */
export async function startPanelSystem(options: PanelSystemOptions = {}): Promise<PanelSystem> {
  if (!existsSync(join(defaultPanelBuildDir, 'server', 'index.mjs'))) {
    throw new Error('The panel is not built: run scripts/install.sh (or npm run build:panel) first');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The worker's notices (the histories summary, reminders) link to this panel.
  const system = await startTicketflowSystem({ publicUrl: url, ...options });
  try {
    const { discord } = system;
    discord.oauth.registerRedirectUri(`${url}/auth/callback`);
    const operator = discord.state.createUser({ username: OPERATOR_USERNAME });
    const web = serviceProcess(
      'web process',
      'web/server/main.ts',
      {
        DATABASE_URL: system.db.url,
        // Staff actions in the panel are the ticket workflows' updates, on the system's task queue.
        TEMPORAL_ADDRESS: system.temporal.address,
        TEMPORAL_TASK_QUEUE: system.taskQueue,
        // The transcripts the worker stored, which the viewer serves.
        TRANSCRIPTS_DIR: system.transcriptsDir,
        WEB_PORT: String(port),
        WEB_HOST: '127.0.0.1',
        PUBLIC_URL: url,
        DISCORD_TOKEN: discord.bot.token,
        DISCORD_API_BASE_URL: discord.apiBaseUrl,
        DISCORD_CLIENT_ID: discord.bot.applicationId,
        DISCORD_CLIENT_SECRET: discord.bot.clientSecret,
        ADMIN_USER_IDS: operator.id,
        // Its health port stays closed: test runs side by side must not contend for the default.
        WEB_HEALTH_PORT: '0',
        ...options.webEnv,
      },
      /web ready/,
    );
    await web.start();
    return {
      system,
      web,
      url,
      operatorId: operator.id,
      async close() {
        await web.stop();
        await system.close();
      },
    };
  } catch (error) {
    await system.close();
    throw error;
  }
}
