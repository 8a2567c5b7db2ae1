// Next.js calls register() once when a server process starts. In the Node.js runtime it starts the
// daily pipeline scheduler (lib/pipeline/scheduler.ts): one per process, idempotent per day across
// processes. NEXT_RUNTIME and NEXT_PHASE are Next's own signals (not configuration), read here
// because the Edge runtime must not load the scheduler's Node-only modules.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ env }, { createPrismaClient }, { startPipelineScheduler }] = await Promise.all([
    import("./lib/env"),
    import("./lib/db/prisma"),
    import("./lib/pipeline/scheduler"),
  ]);
  const databaseUrl = env().DATABASE_URL;
  if (!databaseUrl) {
    console.warn("[scheduler] DATABASE_URL is not set: the daily pipeline schedule is off in this process.");
    return;
  }
  startPipelineScheduler({ db: createPrismaClient(databaseUrl, { max: 2 }), databaseUrl });
}
