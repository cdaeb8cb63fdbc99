import { createInterface, type Interface } from 'node:readline';
import type { CliIo } from './modal-form.ts';

/**
 * Prints to stdout and asks on stdin, line by line: typed at a terminal, or piped in (answers given ahead are
 * queued). stdin is opened only when a question comes, so commands that ask nothing never wait on it.
 */
export function terminalIo(): CliIo & { close(): void } {
  let lines: Interface | undefined;
  const queued: string[] = [];
  let ended = false;
  let waiting: ((line: string | null) => void) | undefined;
  const open = (): Interface => {
    const created = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    created.on('line', (line) => {
      if (waiting) waiting(line);
      else queued.push(line);
      waiting = undefined;
    });
    created.on('close', () => {
      ended = true;
      waiting?.(null);
      waiting = undefined;
    });
    // At a terminal readline takes Ctrl-C for itself; it still means "stop".
    created.on('SIGINT', () => {
      created.close();
      process.exit(130);
    });
    return created;
  };
  return {
    print: (text) => console.log(text),
    ask(prompt) {
      lines ??= open();
      const atTerminal = process.stdin.isTTY === true;
      // Piped or absent input is not echoed: the output shows each question with the answer it got.
      const answered = (line: string | null) => {
        if (!atTerminal) console.log(`${prompt}${line ?? ''}`);
        return line;
      };
      if (atTerminal) {
        lines.setPrompt(prompt);
        lines.prompt();
      }
      const next = queued.shift();
      if (next !== undefined) return Promise.resolve(answered(next));
      if (ended) return Promise.resolve(answered(null));
      return new Promise((resolve) => {
        waiting = (line) => resolve(answered(line));
      });
    },
    close: () => lines?.close(),
  };
}
