// Reads the Prisma schema the way Prisma accepts it: one file, or a folder of `.prisma` files
// (multi-file schemas). Paths are kept absolute so engine errors point at the real file.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

export interface SchemaFile {
  path: string;
  content: string;
}

export async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  const absolute = path.resolve(schemaPath);
  const info = await stat(absolute).catch(() => {
    throw new Error(`Prisma schema not found at ${absolute}.`);
  });
  if (!info.isDirectory()) return [{ path: absolute, content: await readFile(absolute, "utf8") }];

  const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".prisma"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  if (files.length === 0) throw new Error(`No .prisma files in ${absolute}.`);
  return Promise.all(files.map(async (file) => ({ path: file, content: await readFile(file, "utf8") })));
}

/** The folder the schema lives in: the engine resolves relative paths (e.g. SSL certificates) from it. */
export function schemaConfigDir(schemaPath: string, files: SchemaFile[]): string {
  return files.length === 1 && files[0].path === path.resolve(schemaPath)
    ? path.dirname(files[0].path)
    : path.resolve(schemaPath);
}
