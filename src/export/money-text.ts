/** `10.00 CNY`, or null when the page showed no amount. */
export function moneyText(amount: number | null, currency: string | null): string | null {
  if (amount === null) return null;
  return `${amount.toFixed(2)} ${currency ?? 'CNY'}`.trim();
}
