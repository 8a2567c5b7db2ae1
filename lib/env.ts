// The one place that reads process.env: parsed and validated once per process.
import { existsSync } from "node:fs";
import { z } from "zod";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** External PostgreSQL. Unset: the embedded default under .data/ is started on demand. */
  DATABASE_URL: optionalText,
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(55432),
  EMBEDDED_PG_DIR: optionalText,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_SECRET: optionalText,
  NEXTAUTH_URL: optionalText,
  GEMINI_API_KEY: optionalText,
  GEMINI_MODEL: z.string().default("gemini-2.0-flash"),
  /** Only for tests and proxies: where the Gemini SDK sends its requests. */
  GEMINI_BASE_URL: optionalText,
  /** Where uploaded CSV files wait for their import (deleted afterwards). */
  UPLOAD_DIR: z.string().default(".data/uploads"),
  /** Largest accepted upload, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().int().positive().default(2048),
  /** The business date the product treats as today (a demo world's last day); unset = Madrid's date. */
  SIGNALS_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "SIGNALS_TODAY must be YYYY-MM-DD")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SIGNALS_LOG_LEVEL: z.enum(["silent", "info", "debug"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    // A local .env fills in what the environment does not set (Node ≥ 20.12 never overrides).
    if (existsSync(".env")) process.loadEnvFile(".env");
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`Invalid environment configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
