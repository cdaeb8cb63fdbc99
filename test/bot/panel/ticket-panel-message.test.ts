import { describe, expect, it } from 'vitest';
import { ticketPanelMessage } from '../../../bot/panel/ticket-panel-message.ts';
import { type GuildConfigInput, guildConfigSchema } from '../../../domain/guild-config.ts';

const base: GuildConfigInput = {
  ticketChannelId: '100000000000000001',
  ticketTypes: [{ key: 'support', name: 'Support' }],
};

function componentsOf(input: GuildConfigInput) {
  const message = ticketPanelMessage(guildConfigSchema.parse(input));
  return (message.components ?? []).map((row) => JSON.parse(JSON.stringify(row)));
}

describe('the panel message', () => {
  it('is one Open-ticket button for a guild with one ticket type', () => {
    const [row] = componentsOf(base);
    expect(row.components).toEqual([expect.objectContaining({ type: 2, custom_id: 'tpanel:support' })]);
    expect(row.components[0].label).toContain('Support');
  });

  it('is a type menu, one option per type, for a guild with several', () => {
    const keys = Array.from({ length: 25 }, (_, i) => `type-${i}-${'x'.repeat(24)}`);
    const [row] = componentsOf({ ...base, ticketTypes: keys.map((key) => ({ key, name: key.slice(0, 45) })) });
    expect(row.components).toHaveLength(1);
    const [menu] = row.components;
    expect(menu).toMatchObject({ type: 3, custom_id: 'tpick:types' });
    expect(menu.options.map((option: { value: string }) => option.value)).toEqual(keys);
  });
});
