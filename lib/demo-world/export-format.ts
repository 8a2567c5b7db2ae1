// Values written the way the customer's export writes them: money with "." thousands and ","
// decimals, always quoted ("1.427,63", "-141,93", "0,00"); dates M/D/YYYY.
export function europeanMoney(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const integer = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `"${negative ? "-" : ""}${integer},${String(abs % 100).padStart(2, "0")}"`;
}

export function moneyToCents(value: number): number {
  return Math.round(value * 100);
}
