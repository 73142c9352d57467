/** An amount as the popup and options page show it: `¥25.00`, `USD 3.00`. */
export function money(amount: number, currency: string | null): string {
  const symbol = currency === 'CNY' || currency === null ? '¥' : `${currency} `;
  return `${symbol}${amount.toFixed(2)}`;
}
