// Offline replacement for `prisma migrate` (deploy / dev --create-only / status / drift), driven by
// Prisma's own schema engine compiled to Wasm. Same folder layout and `_prisma_migrations` table as
// Prisma, so the real CLI stays compatible wherever it can run.
//
// No `import "server-only"` here, unlike the rest of lib/db: this code runs from the command line
// (tsx) and vitest, where that package throws; it is never imported by the Next.js app.
export { createMigration, type CreateMigrationOptions, type CreateMigrationResult } from "./create-migration";
export { deployMigrations, type DeployMigrationsOptions, type DeployMigrationsResult } from "./deploy-migrations";
export { detectDrift, type DetectDriftOptions, type DriftReport } from "./detect-drift";
export { migrationStatus, type MigrationStatus, type MigrationStatusOptions } from "./get-migration-status";
export { MigrateError } from "./migrate-error";
export { resolveMigration, type ResolveMigrationOptions } from "./resolve-migration";

