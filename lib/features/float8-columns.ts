// How a query returns a list of float8 expressions.
export type Layout = "packed" | "named";

/**
 * The columns of a list of float8 expressions. "packed": one bytea per row, the binary send format
 * of a float8[] (NULL stays NULL, values travel exactly); node parses it in half the CPU of one
 * text number per column (0.30 s against 0.65 s for 80k rows × 50 features, unpacking 0.12 s).
 * "named": one column per expression, to inspect the SQL and to test its column names.
 */
export function float8Columns(exprs: readonly { name: string; sql: string }[], layout: Layout, alias: string): string {
  const cast = exprs.map((e) => `(${e.sql})::float8`);
  if (layout === "packed") return `array_send(ARRAY[${cast.join(",\n    ")}]) AS ${alias}`;
  return cast.map((c, i) => `${c} AS ${exprs[i].name}`).join(",\n  ");
}
