import { describe, expect, it } from 'vitest';
import { embedLength, fitEmbed, MESSAGE_LIMITS, truncate } from '../../activities/discord/notices/limits.ts';

describe('notice limits', () => {
  it('cuts with an ellipsis and never splits a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    const emoji = '😀'.repeat(10);
    const cut = truncate(emoji, 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
  });

  it('fits 25 full fields into 6,000 characters, cutting long texts and keeping short ones whole', () => {
    const fields = Array.from({ length: 30 }, (_, index) => ({ name: `Question ${index}`, value: 'a'.repeat(4000) }));
    const embed = fitEmbed({ title: 'Ticket #0001 · Support', description: 'd'.repeat(5000), fields });
    expect(embed.fields).toHaveLength(MESSAGE_LIMITS.embedFields);
    expect(embedLength(embed)).toBeLessThanOrEqual(MESSAGE_LIMITS.embedTotal);
    expect(embedLength(embed)).toBeGreaterThan(MESSAGE_LIMITS.embedTotal - 30);
    expect(embed.title).toBe('Ticket #0001 · Support');
    expect(embed.fields?.[0]?.name).toBe('Question 0');
    expect(embed.fields?.every((field) => field.value.endsWith('…'))).toBe(true);
  });

  it('leaves an embed that fits untouched', () => {
    const embed = {
      title: 't',
      description: 'd',
      fields: [{ name: 'n', value: 'v', inline: true }],
      footer: { text: 'f' },
    };
    expect(fitEmbed(embed)).toEqual(embed);
  });
});
