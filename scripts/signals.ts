// `npm run signals -- <command> [args]`: the product's command line. Each command is a module in
// scripts/commands/<name>.ts exporting `summary` (one line of help) and `run(args)`.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CommandModule {
  summary: string;
  run(args: string[]): Promise<void>;
}

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "commands");

function availableCommands(): string[] {
  return readdirSync(commandsDir)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.startsWith("_"))
    .map((file) => file.slice(0, -3))
    .sort();
}

async function printHelp(): Promise<void> {
  console.log("Usage: npm run signals -- <command> [options]\n\nCommands:");
  for (const name of availableCommands()) {
    const mod = (await import(path.join(commandsDir, `${name}.ts`))) as CommandModule;
    console.log(`  ${name.padEnd(16)} ${mod.summary}`);
  }
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === "help" || name === "--help" || name === "-h") return printHelp();
  if (!availableCommands().includes(name)) {
    console.error(`Unknown command "${name}".`);
    await printHelp();
    process.exitCode = 2;
    return;
  }
  const mod = (await import(path.join(commandsDir, `${name}.ts`))) as CommandModule;
  await mod.run(args);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
