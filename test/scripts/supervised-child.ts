/**
 * A stand-in for the bot or the worker under scripts/supervisor/supervise.ts, steered by files in the folder given
 * as its argument: `crash` makes it exit with status 3 at once, `ignore-term` makes it ignore SIGTERM. It starts a
 * grandchild in its process group (its pid in grandchild-<pid>) to show that a stop reaches the whole group.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2] ?? '.';
if (existsSync(join(folder, 'crash'))) process.exit(3);
if (existsSync(join(folder, 'ignore-term'))) process.on('SIGTERM', () => undefined);
const grandchild = spawn('sleep', ['300'], { stdio: 'ignore' });
writeFileSync(join(folder, `grandchild-${process.pid}`), String(grandchild.pid));
setInterval(() => undefined, 1000);
