// Invoice numbers in the customer's series: sales invoices "39", returns in their own "38" series,
// price corrections and annulled lines in "3831". Ten digits, increasing within each series.
export class InvoiceNumbers {
  private readonly yearly = new Map<string, number>();
  private corrections = 0;

  /** "39" or "38", then the year's last digit, then a 7-digit counter restarting every year. */
  next(series: "39" | "38", year: number): string {
    const key = `${series}${year % 10}`;
    const count = (this.yearly.get(key) ?? 0) + 1;
    this.yearly.set(key, count);
    return `${key}${String(count).padStart(7, "0")}`;
  }

  nextCorrection(): string {
    this.corrections++;
    return `3831${String(this.corrections).padStart(6, "0")}`;
  }
}
