// Generates a demo world (when not already on disk) and imports it: what `npm start` does on an
// empty database and what `npm run signals -- demo` does on request.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Pool } from "pg";
import { generateDemoWorld, DEFAULT_SEED } from "@/lib/demo-world/generate-demo-world";
import { sourcesFromPaths } from "@/lib/import/file-sources";
import { importSources, type FileImportReport, type ImportProgress } from "@/lib/import/import-sources";

/**
 * The demo's "today": the generated history stops here, outside the Christmas pause (when churn
 * alerts are rightly suppressed), so every motive shows. The rest of December can be generated with
 * `--from 2025-12-13` and imported later to watch purchases being attributed to alerts.
 */
export const DEMO_UNTIL = "2025-12-12";

export interface LoadDemoWorldOptions {
  /** Folder for the generated CSVs (and ground truth under truth/). */
  dir: string;
  seed?: number;
  scale?: number;
  onGenerateProgress?: (fraction: number, linesWritten: number) => void;
  onImportProgress?: (progress: ImportProgress) => void;
}

export async function loadDemoWorld(pool: Pool, options: LoadDemoWorldOptions): Promise<FileImportReport[]> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const dir = path.join(options.dir, `seed-${seed}-scale-${scale}-until-${DEMO_UNTIL}`);
  if (!existsSync(path.join(dir, "Ventas.csv"))) {
    await generateDemoWorld(
      { outDir: dir, seed, scale, until: DEMO_UNTIL, truthDir: path.join(dir, "truth") },
      { onProgress: (p) => options.onGenerateProgress?.(p.phase === "sales" ? p.fraction : p.phase === "clients" ? 0 : 1, p.linesWritten) },
    );
  }
  const csvFiles = ["Productos.csv", "Clientes.csv", "Potencial.csv", "Campañas.csv", "Ventas.csv"].map((name) => path.join(dir, name));
  return importSources(pool, await sourcesFromPaths(csvFiles), { onProgress: options.onImportProgress });
}
