// Builds the Next.js app only when its sources changed since the last build, so that a plain
// `npm start` works on a fresh clone and restarts stay fast.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "lib", "ml", "public", "types", "generated", "next.config.ts", "tailwind.config.ts", "postcss.config.mjs", "proxy.ts", "package-lock.json", "tsconfig.json"];

function* walk(target: string): Generator<string> {
  if (!existsSync(target)) return;
  const info = statSync(target);
  if (info.isFile()) {
    yield target;
    return;
  }
  for (const entry of readdirSync(target).sort()) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    yield* walk(path.join(target, entry));
  }
}

export function sourceStamp(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of walk(path.join(root, input))) {
      const info = statSync(file);
      hash.update(`${path.relative(root, file)}:${info.size}:${info.mtimeMs}\n`);
    }
  }
  return hash.digest("hex");
}

export function ensureNextBuild(root: string, log: (line: string) => void): void {
  const stampFile = path.join(root, ".next", "sds-source-stamp");
  const stamp = sourceStamp(root);
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    return;
  }
  log("Compilando la aplicación (next build)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stampFile, stamp);
}
