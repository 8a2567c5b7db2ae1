// Loads Prisma's schema engine compiled to Wasm (@prisma/schema-engine-wasm) — the only Prisma
// migration engine that runs here: the native binary cannot be downloaded offline (STACK.md §3.2).
//
// The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 cannot
// import, so we do what Prisma's own CLI loader does: import the JS glue, instantiate the .wasm
// ourselves and hand the instance to the glue. The glue keeps the instance in a module-level
// variable, so it is instantiated once per process and shared by every engine.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

// Rust panics report their message through this global; without it a panic surfaces as
// "Cannot read properties of undefined (reading 'set_message')" instead of the real message.
class PanicRegistry {
  message = "";
  get(): string {
    return this.message;
  }
  set_message(message: string): void {
    this.message = `RuntimeError: ${message}`;
  }
}
const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
globals.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();

let gluePromise: Promise<Glue> | undefined;

async function instantiate(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export function schemaEngineVersion(): Promise<string> {
  return (gluePromise ??= instantiate()).then((glue) => glue.version());
}

export async function openSchemaEngine(
  adapterFactory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  onEngineLog: (line: string) => void = () => {},
  datamodels?: [path: string, content: string][],
): Promise<SchemaEngine> {
  const glue = await (gluePromise ??= instantiate());
  return glue.SchemaEngine.new({ datamodels }, onEngineLog, adapterFactory);
}

/** The message of the last Rust panic, if `error` was one (a Wasm RuntimeError). */
export function panicMessage(error: unknown): string | undefined {
  if (error instanceof Error && error.name === "RuntimeError") return globals.PRISMA_WASM_PANIC_REGISTRY?.get();
  return undefined;
}
