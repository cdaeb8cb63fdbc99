import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';

const BOT_DIR = new URL('../../bot/', import.meta.url);

/** Every module of the bot, but the entry point, which starts the bot when imported. */
async function botModules(): Promise<string[]> {
  const entries = await readdir(BOT_DIR, { recursive: true });
  return entries.filter((path) => path.endsWith('.ts') && path !== 'main.ts').sort();
}

/**
 * A runtime import cycle makes whichever of its modules is imported first see the others half initialised
 * ("Cannot access 'panelSubcommand' before initialization"). Each bot module is imported first, on its own.
 */
describe('bot modules', () => {
  it('import cleanly whichever is imported first', async () => {
    const failures: string[] = [];
    for (const path of await botModules()) {
      vi.resetModules();
      await import(new URL(path, BOT_DIR).href).catch((error: unknown) => {
        failures.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    expect(failures).toEqual([]);
  });

  it('include /ticket panel, which a cycle through the config commands broke', async () => {
    vi.resetModules();
    const { panelSubcommand } = await import('../../bot/commands/ticket/panel.ts');
    expect(panelSubcommand.data.name).toBe('panel');
  });
});
