import { describe, expect, it } from 'vitest';
import { commandButtons } from '../../bot/commands/index.ts';
import { componentHandlers } from '../../bot/interactions/component-handlers.ts';
import { CUSTOM_ID_PREFIX, customId, splitCustomId } from '../../domain/custom-ids.ts';

describe('the custom id registry', () => {
  const prefixes = Object.values(CUSTOM_ID_PREFIX);

  it('gives every component a prefix of its own', () => {
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const prefix of prefixes) expect(prefix).toMatch(/^[a-z]+$/);
  });

  it('is what the bot routes by: each prefix has exactly one handler', () => {
    const handled = [
      ...componentHandlers.buttons,
      ...componentHandlers.menus,
      ...componentHandlers.modals,
      ...componentHandlers.anywhere.buttons,
      ...componentHandlers.anywhere.modals,
      ...commandButtons,
    ].map((handler) => handler.prefix);
    expect([...handled].sort()).toEqual([...prefixes].sort());
  });

  it('splits an id at its first colon, so an id may itself hold colons', () => {
    expect(splitCustomId(customId(CUSTOM_ID_PREFIX.questions, 'support:1234'))).toEqual({
      prefix: 'tqa',
      id: 'support:1234',
    });
    expect(splitCustomId('no-prefix')).toBeNull();
    expect(() => customId(CUSTOM_ID_PREFIX.panelOpen, 'x'.repeat(100))).toThrow('longer than 100 characters');
  });
});
