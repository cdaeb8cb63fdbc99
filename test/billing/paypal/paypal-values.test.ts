import { describe, expect, it } from 'vitest';
import { decodePayPalCustomId, encodePayPalCustomId } from '../../../billing/paypal/paypal-custom-id.ts';
import { paypalAmountInMinorUnits } from '../../../billing/paypal/paypal-money.ts';

describe("PayPal's values as Ticketflow reads them", () => {
  it('turns decimal amounts into minor units by the currency, without floats', () => {
    expect(paypalAmountInMinorUnits({ currencyCode: 'USD', value: '9.00' })).toBe(900);
    expect(paypalAmountInMinorUnits({ currencyCode: 'USD', value: '19.9' })).toBe(1990);
    expect(paypalAmountInMinorUnits({ currencyCode: 'EUR', value: '1500' })).toBe(150_000);
    expect(paypalAmountInMinorUnits({ currencyCode: 'JPY', value: '1200' })).toBe(1200);
    expect(paypalAmountInMinorUnits({ currencyCode: 'USD', value: '0.29' })).toBe(29);
    expect(() => paypalAmountInMinorUnits({ currencyCode: 'USD', value: '9.001' })).toThrow('more decimals');
    expect(() => paypalAmountInMinorUnits({ currencyCode: 'USD', value: '-1' })).toThrow('not a decimal number');
  });

  it("carries the buyer in custom_id within PayPal's 127 characters, and reads back only Ticketflow's", () => {
    const buyer = { guildId: '11111111111111111111', userId: '22222222222222222222', plan: 'enterprise' as const };
    const customId = encodePayPalCustomId(buyer);
    expect(customId.length).toBeLessThanOrEqual(127);
    expect(decodePayPalCustomId(customId)).toEqual(buyer);
    expect(decodePayPalCustomId(encodePayPalCustomId({ ...buyer, guildId: null }))).toEqual({
      ...buyer,
      guildId: null,
    });
    for (const foreign of [undefined, 'INV-2026-0042', 'tf1:u=1&p=pro', 'tf1:u=22222222222222222222&p=free']) {
      expect(decodePayPalCustomId(foreign)).toBeNull();
    }
  });
});
