/** PayPal's decimal amount string ("9.00", "1500") in the currency's minor units, without a float in between. */
export function paypalAmountInMinorUnits(money: { currencyCode: string; value: string }): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(money.value);
  if (!match) throw new Error(`PayPal amount ${JSON.stringify(money.value)} is not a decimal number`);
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: money.currencyCode }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  if (/[^0]/.test(fraction.slice(digits))) {
    throw new Error(`PayPal amount ${money.value} ${money.currencyCode} has more decimals than the currency`);
  }
  return Number(match[1]) * 10 ** digits + Number(fraction.slice(0, digits) || '0');
}
