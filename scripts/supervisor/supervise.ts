/**
 * Keeps one of the start command's processes running (scripts/supervised-process.sh starts one per process):
 *   node --import tsx scripts/supervisor/supervise.ts --name bot --pid-file F --grace-seconds 15 -- COMMAND...
 * A crash is reported on the terminal with its exit status and restarted with backoff; after repeated fast
 * crashes it is left stopped with a message saying so. SIGHUP restarts it at once (scripts/restart.sh), also after
 * giving up; SIGTERM or SIGINT stops it and its process group, then this supervisor exits.
 * Why a Node program and not bash: exit statuses, timers and signals arriving during a wait are plain events here,
 * where bash's `wait`, traps and sleeps interrupt one another.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CRASH_BACKOFF } from './crash-backoff.ts';
import { Supervisor } from './supervisor.ts';

const usage =
  'usage: supervise.ts --name NAME --pid-file FILE --grace-seconds N ' +
  '[--first-delay-seconds N] [--fast-run-seconds N] [--give-up-after N] -- COMMAND...';

function positiveNumber(value: string | undefined, flag: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${flag} takes a positive number\n${usage}`);
  return parsed;
}

function log(line: string): void {
  process.stderr.write(`[ticketflow] ${line}\n`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'pid-file': { type: 'string' },
      'grace-seconds': { type: 'string' },
      'first-delay-seconds': { type: 'string' },
      'fast-run-seconds': { type: 'string' },
      'give-up-after': { type: 'string' },
    },
  });
  if (!values.name || !values['pid-file'] || positionals.length === 0) throw new Error(usage);
  const defaults = DEFAULT_CRASH_BACKOFF;
  const supervisor = new Supervisor({
    name: values.name,
    command: positionals,
    pidFile: values['pid-file'],
    graceMs: positiveNumber(values['grace-seconds'], 'grace-seconds') * 1000,
    backoff: {
      ...defaults,
      firstDelayMs:
        positiveNumber(values['first-delay-seconds'], 'first-delay-seconds', defaults.firstDelayMs / 1000) * 1000,
      fastRunMs: positiveNumber(values['fast-run-seconds'], 'fast-run-seconds', defaults.fastRunMs / 1000) * 1000,
      giveUpAfter: positiveNumber(values['give-up-after'], 'give-up-after', defaults.giveUpAfter),
    },
    log,
  });
  // Signal listeners do not keep Node running: while the process waits to be restarted (or was given up on),
  // this timer does.
  const alive = setInterval(() => undefined, 2 ** 30);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    supervisor.stop().then(
      () => {
        clearInterval(alive);
        process.exit(0);
      },
      (error: unknown) => {
        log(`${values.name}: could not stop: ${error instanceof Error ? error.message : error}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', () => supervisor.restart());
  supervisor.start();
}

// A terminal that went away must not take the supervisor with it: its processes still need stopping.
process.stderr.on('error', () => undefined);
try {
  main();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
