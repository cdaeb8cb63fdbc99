/**
 * Plays members of the local Discord (the one scripts/start.sh runs without a DISCORD_TOKEN) from a terminal,
 * talking only to its driver routes over HTTP:
 *   npm run discord -- channels
 *   npm run discord -- read '#tickets'
 *   npm run discord -- as alice choose '#tickets' 1 Support
 *   npm run discord -- as sam run 1 "/ticket close reason:Solved"
 * The server is $DISCORD_SANDBOX_URL, else http://127.0.0.1:$DISCORD_SANDBOX_PORT (default 8790).
 */
import { parseArgs } from 'node:util';
import {
  chooseOption,
  listChannels,
  listUsers,
  pressButton,
  readChannel,
  runCommand,
  sayMessage,
} from './discord/commands.ts';
import { GuildDirectory } from './discord/guild-directory.ts';
import type { CliIo } from './discord/modal-form.ts';
import { CliError, SandboxClient, sandboxUrl } from './discord/sandbox-client.ts';
import { terminalIo } from './discord/terminal-io.ts';

export const usage = `usage: npm run discord -- COMMAND

Look around:
  users                                     the demo guild's members and their roles
  channels                                  its channels and threads, with the names the other commands take
  read CHANNEL [--last N]                   the last N messages (default 20), buttons and selects numbered [1], [2] …

Act as a member (USER: alice, bob, sam, kim, owner):
  as USER channels | read CHANNEL           what that member sees, with the messages only they were shown
  as USER press CHANNEL BUTTON              BUTTON: its number from read, or its label ("Close")
  as USER choose CHANNEL SELECT OPTION      SELECT: its number or placeholder; OPTION: its label
  as USER say CHANNEL TEXT…
  as USER run CHANNEL "/ticket SUBCOMMAND name:value …"

The demo guild's members: alice and bob; staff (the Staff role): sam and kim; and owner, who owns the guild and
so is the only one who may run /ticket-config (it needs Manage Server).
CHANNEL: #tickets, a thread's name (#0001-support-alice) or a ticket number (1).
When the bot shows a form, each question is asked here; or give the answers ahead:
  --answer "QUESTION=answer" (repeatable; QUESTION may be the start of the question or its number).
  With no terminal to ask on, optional questions are left empty.

The local Discord is $DISCORD_SANDBOX_URL, else http://127.0.0.1:$DISCORD_SANDBOX_PORT (default port 8790).`;

class UsageError extends Error {}

const DEFAULT_LAST = 20;

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

/** Runs one command line (without `npm run discord --`) against the local Discord at `$DISCORD_SANDBOX_URL`. */
export async function runDiscordCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      last: { type: 'string' },
      answer: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    io.print(usage);
    return;
  }
  const last = values.last === undefined ? DEFAULT_LAST : Number(values.last);
  if (!Number.isInteger(last) || last < 1) throw new UsageError('--last takes a number of messages, like --last 5');

  const client = new SandboxClient(sandboxUrl(env));
  const directory = await GuildDirectory.load(client);
  const context = { client, directory, io };
  const [first, ...rest] = positionals;
  try {
    if (first !== 'as') {
      if (first === 'users' && rest.length === 0) return listUsers(context);
      if (first === 'channels' && rest.length === 0) return listChannels(context);
      if (first === 'read') return await readChannel(context, need(rest[0], 'the channel to read'), { last });
      throw new UsageError(`unknown command: ${positionals.join(' ')}`);
    }
    const [user, verb, channel, ...args] = rest;
    const actor = directory.member(need(user, 'the member to act as, after "as"'));
    if (actor.bot) throw new CliError(`${actor.username} is the bot; play a member instead`);
    const acting = { ...context, actorId: actor.id, answers: values.answer };
    const where = () => need(channel, `the channel to ${verb} in`);
    switch (verb) {
      case 'channels':
        return listChannels(context, await GuildDirectory.load(client, actor.id));
      case 'read':
        return await readChannel(context, where(), { asUserId: actor.id, last });
      case 'press':
        return await pressButton(acting, where(), need(args.join(' '), 'the button to press'));
      case 'choose':
        return await chooseOption(
          acting,
          where(),
          need(args[0], 'the select (its number or placeholder)'),
          need(args.slice(1).join(' '), 'the option to choose'),
        );
      case 'say':
        return await sayMessage(acting, where(), args.join(' '));
      case 'run':
        return await runCommand(acting, where(), need(args.join(' '), 'the command, like "/ticket close"'));
      default:
        throw new UsageError(
          verb ? `unknown action "${verb}" for ${actor.username}` : 'missing the action after the member',
        );
    }
  } catch (error) {
    if (error instanceof CliError) throw new CliError(directory.named(error.message));
    throw error;
  }
}

async function main(): Promise<void> {
  const io = terminalIo();
  try {
    await runDiscordCli(process.argv.slice(2), io);
  } finally {
    io.close();
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error))
      console.error(`${error.message}\n\n${usage}`);
    else if (error instanceof CliError) console.error(error.message);
    else console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  });
}
