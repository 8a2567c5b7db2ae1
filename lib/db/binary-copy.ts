// Rows in PostgreSQL's binary COPY format (COPY … FROM STDIN WITH (FORMAT binary)), written into
// one growing Buffer. Numbers, dates and bytea travel as raw bytes: nothing is formatted as text on
// our side or parsed from text on the server's, which is most of the cost of a text COPY of wide
// numeric rows. Each value must match its column's type exactly (float8, int4, date…): the binary
// format carries no type information.
//
//   header: "PGCOPY\n\xff\r\n\0", int32 flags, int32 header-extension length
//   row:    int16 field count, then per field int32 byte length (−1 = NULL) and the bytes
//   trailer: int16 −1
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** 2000-01-01 in days since 1970-01-01: PostgreSQL's date epoch. */
const PG_EPOCH_DAY = 10_957;

export class BinaryCopyEncoder {
  private buffer: Buffer;
  private at = 0;
  private headerWritten = false;
  private readonly labels = new Map<string, Buffer>();

  constructor(initialBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Bytes queued so far (to decide when to hand a chunk to the COPY stream). */
  get length(): number {
    return this.at;
  }

  private ensure(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
  }

  private header(): void {
    if (this.headerWritten) return;
    this.ensure(SIGNATURE.length + 8);
    SIGNATURE.copy(this.buffer, this.at);
    this.at += SIGNATURE.length;
    this.buffer.writeInt32BE(0, this.at);
    this.buffer.writeInt32BE(0, this.at + 4);
    this.at += 8;
    this.headerWritten = true;
  }

  /** Starts a row of `fields` values (the file header goes before the first row). */
  row(fields: number): this {
    this.header();
    this.ensure(2);
    this.buffer.writeInt16BE(fields, this.at);
    this.at += 2;
    return this;
  }

  null(): this {
    this.ensure(4);
    this.buffer.writeInt32BE(-1, this.at);
    this.at += 4;
    return this;
  }

  int4(value: number | null): this {
    if (value === null) return this.null();
    this.ensure(8);
    this.buffer.writeInt32BE(4, this.at);
    this.buffer.writeInt32BE(value, this.at + 4);
    this.at += 8;
    return this;
  }

  /** float8; NaN, ±Infinity and null are stored as NULL. */
  float8(value: number | null): this {
    if (value === null || !Number.isFinite(value)) return this.null();
    this.ensure(12);
    this.buffer.writeInt32BE(8, this.at);
    this.buffer.writeDoubleBE(value, this.at + 4);
    this.at += 12;
    return this;
  }

  /** A date given as days since 1970-01-01. */
  date(epochDay: number): this {
    this.ensure(8);
    this.buffer.writeInt32BE(4, this.at);
    this.buffer.writeInt32BE(epochDay - PG_EPOCH_DAY, this.at + 4);
    this.at += 8;
    return this;
  }

  bool(value: boolean): this {
    this.ensure(5);
    this.buffer.writeInt32BE(1, this.at);
    this.buffer[this.at + 4] = value ? 1 : 0;
    this.at += 5;
    return this;
  }

  /** text, varchar or an enum label (an enum's binary form is its label). */
  text(value: string | null): this {
    if (value === null) return this.null();
    this.ensure(4 + value.length * 3);
    const bytes = this.buffer.write(value, this.at + 4, "utf8");
    this.buffer.writeInt32BE(bytes, this.at);
    this.at += 4 + bytes;
    return this;
  }

  /**
   * Like text, for values drawn from a small set (codes, enum labels): each distinct value is encoded
   * once and its bytes copied after that.
   */
  label(value: string | null): this {
    if (value === null) return this.null();
    let bytes = this.labels.get(value);
    if (!bytes) {
      bytes = Buffer.from(value, "utf8");
      this.labels.set(value, bytes);
    }
    this.ensure(4 + bytes.length);
    this.buffer.writeInt32BE(bytes.length, this.at);
    bytes.copy(this.buffer, this.at + 4);
    this.at += 4 + bytes.length;
    return this;
  }

  /** jsonb from its JSON text (binary jsonb = version byte 1, then the text). */
  jsonb(json: string | null): this {
    if (json === null) return this.null();
    this.ensure(5 + json.length * 3);
    const bytes = this.buffer.write(json, this.at + 5, "utf8");
    this.buffer.writeInt32BE(bytes + 1, this.at);
    this.buffer[this.at + 4] = 1;
    this.at += 5 + bytes;
    return this;
  }

  /** bytea from raw bytes (a view is copied, not kept). */
  bytea(bytes: Uint8Array | null): this {
    if (bytes === null) return this.null();
    this.ensure(4 + bytes.length);
    this.buffer.writeInt32BE(bytes.length, this.at);
    this.buffer.set(bytes, this.at + 4);
    this.at += 4 + bytes.length;
    return this;
  }

  /**
   * Hands over what is queued (a copy, so the encoder's buffer can be reused at once), with the
   * trailer when `last`.
   */
  take(last = false): Buffer {
    if (last) {
      this.header(); // an empty COPY still needs its header
      this.ensure(2);
      this.buffer.writeInt16BE(-1, this.at);
      this.at += 2;
    }
    const chunk = Buffer.from(this.buffer.subarray(0, this.at));
    this.at = 0;
    return chunk;
  }
}
