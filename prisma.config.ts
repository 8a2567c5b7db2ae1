import { defineConfig } from "prisma/config";

// DATABASE_URL may be unset (the embedded default is started on demand); `env()` would throw.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
