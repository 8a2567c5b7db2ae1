// Numbers as a Spanish sales delegate reads them in an alert's reasons ("1.427 €", "35 %").
const integer = new Intl.NumberFormat("es-ES", { maximumFractionDigits: 0, useGrouping: "always" });
const oneDecimal = new Intl.NumberFormat("es-ES", { maximumFractionDigits: 1 });

export function euros(amount: number): string {
  return `${integer.format(Math.round(amount))} €`;
}

export function percent(fraction: number): string {
  return `${integer.format(Math.round(fraction * 100))} %`;
}

export function days(count: number): string {
  const n = Math.round(count);
  return n === 1 ? "1 día" : `${integer.format(n)} días`;
}

export function times(ratio: number): string {
  return `${oneDecimal.format(ratio)} veces`;
}

export function familyLabel(code: string): string {
  return `Familia ${code}`;
}
