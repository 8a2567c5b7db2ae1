// A small hand-made world of clients, potentials, campaigns and sales lines in a test database,
// written with plain SQL so tests state dates and amounts exactly as they will be read back.
import type pg from "pg";

export type LineKind = "PURCHASE" | "RETURN" | "ZERO_VALUE_REPLACEMENT" | "PRICE_CORRECTION" | "EMPTY";

export interface WorldLine {
  client: string;
  family: "C1" | "C2" | "T1" | "T2";
  date: string;
  value: number;
  units?: number;
  /** Defaults from units and value, as the importer classifies them. */
  kind?: LineKind;
}

function classify(units: number, value: number): LineKind {
  if (units > 0 && value > 0) return "PURCHASE";
  if (units < 0 || value < 0) return "RETURN";
  if (units > 0 && value === 0) return "ZERO_VALUE_REPLACEMENT";
  if (units === 0 && value !== 0) return "PRICE_CORRECTION";
  return "EMPTY";
}

export class SalesWorld {
  private importId = 0;
  private readonly clients = new Map<string, number>();
  private invoice = 0;

  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<this> {
    const { rows } = await this.pool.query<{ id: number }>(
      `INSERT INTO import (batch_id, table_kind, file_name, status) VALUES ('test', 'ventas', 'test.csv', 'SUCCEEDED') RETURNING id`,
    );
    this.importId = rows[0].id;
    await this.pool.query(
      `INSERT INTO product (external_id, block, category_code, family_code)
       SELECT 'P-' || code, block, category_code, code FROM family ON CONFLICT DO NOTHING`,
    );
    return this;
  }

  async client(externalId: string, options: { province?: string | null; registered?: boolean } = {}): Promise<number> {
    const { rows } = await this.pool.query<{ id: number }>(
      `INSERT INTO client (external_id, province_code, registered) VALUES ($1, $2, $3) RETURNING id`,
      [externalId, options.province === undefined ? "08" : options.province, options.registered ?? true],
    );
    this.clients.set(externalId, rows[0].id);
    return rows[0].id;
  }

  id(externalId: string): number {
    const id = this.clients.get(externalId);
    if (id === undefined) throw new Error(`Unknown test client ${externalId}`);
    return id;
  }

  async potential(externalId: string, category: string, amount: number): Promise<void> {
    await this.pool.query(`INSERT INTO potential (client_id, category_code, amount) VALUES ($1, $2, $3)`, [this.id(externalId), category, amount]);
  }

  async campaign(code: string, startsOn: string, endsOn: string): Promise<void> {
    await this.pool.query(`INSERT INTO campaign (code, starts_on, ends_on) VALUES ($1, $2, $3)`, [code, startsOn, endsOn]);
  }

  async lines(lines: WorldLine[]): Promise<void> {
    for (const line of lines) {
      const units = line.units ?? (line.value < 0 ? -1 : 1);
      await this.pool.query(
        `INSERT INTO sales_line (line_key, invoice_number, date, client_id, product_id, family_code, units, value, kind, import_id)
         SELECT gen_random_uuid(), $1, $2::date, $3, p.id, $4, $5, $6, $7::"SalesLineKind", $8 FROM product p WHERE p.external_id = 'P-' || $4`,
        [String(++this.invoice), line.date, this.id(line.client), line.family, units, line.value, line.kind ?? classify(units, line.value), this.importId],
      );
    }
  }
}
