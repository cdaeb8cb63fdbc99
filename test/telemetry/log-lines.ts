import { Writable } from 'node:stream';

/** A destination that keeps what a logger wrote, one parsed JSON object a line. */
export function logLines(): { stream: Writable; lines: Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    get lines() {
      return chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => chunks.join(''),
  };
}
