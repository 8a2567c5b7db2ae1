// `npm run signals -- generate --out <dir> [--seed N] [--scale N] [--from YYYY-MM-DD]
//  [--until YYYY-MM-DD] [--truth <dir>]`: writes the demo world (the customer's five CSVs, in its own
// export format) and optionally the ground truth behind it.
import { parseArgs } from "node:util";
import { DEFAULT_SEED, generateDemoWorld, type DemoWorldSummary } from "@/lib/demo-world/generate-demo-world";

export const summary = "Genera un mundo de demostración (Ventas, Clientes, Productos, Potencial, Campañas) y, opcionalmente, su verdad de referencia";

const USAGE = `Uso: npm run signals -- generate --out <carpeta> [--seed N] [--scale N] [--from AAAA-MM-DD] [--until AAAA-MM-DD] [--truth <carpeta>]
  --out     carpeta donde escribir los cinco CSV (se crea si no existe)
  --seed    semilla; la misma semilla da archivos idénticos byte a byte (por defecto ${DEFAULT_SEED})
  --scale   multiplica el número de clientes (1 ≈ 162.500 líneas; 10 ≈ 1,6 millones)
  --from    primera fecha escrita en Ventas (el mundo empieza siempre el 2021-01-04)
  --until   última fecha del histórico (por defecto 2025-12-31)
  --truth   carpeta para la verdad de referencia (segmentos, cadencias, bajas, pausas)`;

function parseNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new Error(`--${name} debe ser un número (recibido "${value}")`);
  return number;
}

const percent = (share: number) => `${(share * 100).toFixed(2)} %`;
const thousands = (n: number) => n.toLocaleString("es-ES");

function printSummary(result: DemoWorldSummary): void {
  const { sales, clientes, potencial } = result;
  const rows: [string, string][] = [
    ["Periodo", `${sales.firstDate} → ${sales.lastDate} (${sales.months.length} meses)`],
    ["Líneas de venta", thousands(sales.lines)],
    ...(["C1", "C2", "T1", "T2"] as const).map((f): [string, string] => [`  Familia ${f}`, `${thousands(sales.byFamily[f].lines)} líneas / ${thousands(sales.byFamily[f].clients)} clientes`]),
    ["Clientes compradores", thousands(sales.buyingClients)],
    ["  no registrados en Clientes", `${thousands(sales.unregisteredClients)} (${thousands(sales.unregisteredLines)} líneas)`],
    ["Compras", thousands(sales.byKind.purchase)],
    ["Devoluciones", `${thousands(sales.byKind.return)} (${percent(sales.returnsShare)}; ${percent(sales.returnsInOwnSeriesShare)} en serie 38…)`],
    ["Reposiciones sin cargo", `${thousands(sales.byKind.zero_value_replacement)} (${percent(sales.byKind.zero_value_replacement / Math.max(1, sales.lines))})`],
    ["Correcciones de precio", thousands(sales.byKind.price_correction)],
    ["Líneas vacías (0 y 0)", thousands(sales.byKind.empty)],
    ["Filas de Clientes", `${thousands(clientes.rows)} (${thousands(clientes.distinctIds)} ids; ${clientes.identicalDuplicates + clientes.conflictingDuplicates} repetidos, ${clientes.conflictingDuplicates} con otro CP)`],
    ["Filas de Potencial", `${thousands(potencial.rows)} (${thousands(potencial.zeros)} a 0)`],
    ["Campañas", String(result.campaigns.length)],
    ["Tiempo", `${(result.elapsedMs / 1000).toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nMundo de demostración (semilla ${result.seed}, escala ${result.scale}) en ${result.files.ventas.replace(/[^/\\]+$/, "")}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  if (result.truthDir) console.log(`  Verdad de referencia en ${result.truthDir}`);
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: "string" },
      seed: { type: "string" },
      scale: { type: "string" },
      from: { type: "string" },
      until: { type: "string" },
      truth: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.out) throw new Error(`Falta --out.\n${USAGE}`);
  let lastYear = "";
  const result = await generateDemoWorld(
    {
      outDir: values.out,
      seed: parseNumber(values.seed, "seed"),
      scale: parseNumber(values.scale, "scale"),
      from: values.from,
      until: values.until,
      truthDir: values.truth,
    },
    {
      onProgress: (progress) => {
        if (progress.phase !== "sales") {
          console.log(`[${progress.phase}]`);
          return;
        }
        // One line per year reached: lines written so far and how much of the period is done.
        const year = progress.date?.slice(0, 4) ?? "";
        if (year !== lastYear) {
          lastYear = year;
          console.log(`[ventas] llegando a ${year}: ${thousands(progress.linesWritten)} líneas escritas (${Math.round(progress.fraction * 100)} % del periodo)`);
        }
      },
    },
  );
  printSummary(result);
}
