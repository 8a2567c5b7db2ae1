// Import sources from paths on disk: files, or every .csv in a folder.
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ImportSource } from "@/lib/import/import-sources";

export async function sourcesFromPaths(paths: string[]): Promise<ImportSource[]> {
  const files: string[] = [];
  for (const target of paths) {
    const info = await stat(target).catch(() => null);
    if (!info) throw new Error(`No existe: ${target}`);
    if (info.isDirectory()) {
      const entries = (await readdir(target)).filter((name) => name.toLowerCase().endsWith(".csv")).sort();
      if (!entries.length) throw new Error(`La carpeta ${target} no contiene archivos .csv`);
      files.push(...entries.map((name) => path.join(target, name)));
    } else {
      files.push(target);
    }
  }
  return Promise.all(
    files.map(async (file) => ({
      fileName: path.basename(file),
      size: (await stat(file)).size,
      open: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
    })),
  );
}
