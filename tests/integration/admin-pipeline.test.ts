// Starting pipeline runs from the web server: one at a time, the daily schedule idempotent per day
// however many processes tick, interrupted runs detected by the pipeline's advisory lock, and a
// queued run really executed by a separate process (`signals pipeline --run-id N`).
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { PIPELINE_LOCK_KEY } from "../../lib/pipeline/run-pipeline";
import { loadPipelineSchedule, savePipelineSchedule, scheduleClock, schedulerTick } from "../../lib/pipeline/scheduler";
import {
  failInterruptedRuns,
  INTERRUPTED_MESSAGE,
  PIPELINE_ADVISORY_LOCK_KEY,
  queuePipelineRun,
  SCHEDULE_CLAIM_KEY,
  spawnPipelineProcess,
} from "../../lib/pipeline/start-pipeline-run";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let admin: Actor;
let commands: typeof import("../../lib/actions/admin/pipeline-commands");
let schedule: typeof import("../../lib/data/admin/get-pipeline-schedule");

/** A time of day in Madrid (CET, UTC+1, on these winter dates). */
const madridAt = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await seedDemoTeam(t.db);
  const user = await t.db.user.findUniqueOrThrow({ where: { email: "admin@demo.sds" }, select: { id: true } });
  admin = (await loadActor(t.db, user.id))!;
  commands = await import("../../lib/actions/admin/pipeline-commands");
  schedule = await import("../../lib/data/admin/get-pipeline-schedule");
});
afterAll(() => t.drop());
beforeEach(async () => {
  await t.db.pipelineRun.deleteMany();
  await t.db.setting.deleteMany({ where: { key: { startsWith: "pipeline." } } });
});

async function runs() {
  return t.db.pipelineRun.findMany({ select: { id: true, status: true, trigger: true, userId: true, error: true }, orderBy: { id: "asc" } });
}

describe("the web server's pipeline runs", () => {
  it("uses the pipeline's own advisory lock key", () => {
    expect(PIPELINE_ADVISORY_LOCK_KEY).toBe(PIPELINE_LOCK_KEY);
  });

  it("queues a manual run and launches its process; a second start is refused while it is queued or running", async () => {
    const launched: number[] = [];
    const launch = (id: number, url: string) => {
      expect(url).toBe(t.url);
      launched.push(id);
    };
    const first = await commands.runPipelineNowCommand(t.db, admin, { databaseUrl: t.url, launch });
    expect(launched).toEqual([first.runId]);
    expect(await runs()).toEqual([{ id: first.runId, status: "QUEUED", trigger: "MANUAL", userId: admin.userId, error: null }]);

    await expect(commands.runPipelineNowCommand(t.db, admin, { databaseUrl: t.url, launch })).rejects.toThrow(/en cola o en curso/);
    await t.db.pipelineRun.update({ where: { id: first.runId }, data: { status: "RUNNING" } });
    // RUNNING with nobody holding the pipeline lock is a dead run: the next start clears it.
    const second = await commands.runPipelineNowCommand(t.db, admin, { databaseUrl: t.url, launch });
    expect((await runs()).map((r) => [r.id, r.status])).toEqual([[first.runId, "FAILED"], [second.runId, "QUEUED"]]);
    expect((await runs())[0]!.error).toBe(INTERRUPTED_MESSAGE);
  });

  it("replays a chosen past day: the row and the process get the date; a future date is refused", async () => {
    const launches: unknown[] = [];
    const now = new Date("2025-11-20T10:00:00Z");
    await expect(
      commands.runPipelineNowCommand(t.db, admin, { databaseUrl: t.url, asOf: "2025-11-21", now, launch: () => {} }),
    ).rejects.toThrow("no puede ser futura");
    const { runId } = await commands.runPipelineNowCommand(t.db, admin, {
      databaseUrl: t.url,
      asOf: "2024-03-31",
      now,
      launch: (id, _url, options) => launches.push([id, options]),
    });
    expect(launches).toEqual([[runId, { asOf: "2024-03-31" }]]);
    expect((await t.db.pipelineRun.findUniqueOrThrow({ where: { id: runId } })).asOf.toISOString().slice(0, 10)).toBe("2024-03-31");
    expect(commands.runPipelineNowInput.safeParse({ asOf: "2024-02-30" }).success).toBe(false);
  });

  it("concurrent starts give exactly one run", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => commands.runPipelineNowCommand(t.db, admin, { databaseUrl: t.url, launch: () => {} })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await runs()).toHaveLength(1);
  });

  it("leaves a run alone while a process holds the pipeline lock, and refuses to queue beside it", async () => {
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [PIPELINE_LOCK_KEY]);
      const running = await t.db.pipelineRun.create({ data: { asOf: new Date("2025-01-01"), status: "RUNNING", trigger: "CLI" } });
      expect(await failInterruptedRuns(t.db)).toBe(0);
      await t.db.pipelineRun.update({ where: { id: running.id }, data: { status: "SUCCEEDED" } });
      // A CLI run holds the lock without any queued row: still busy.
      const result = await queuePipelineRun(t.db, { trigger: "MANUAL", userId: null, today: "2025-01-02" });
      expect(result).toEqual({ ok: false, reason: "busy", activeRunId: null });
    } finally {
      await holder.end();
    }
    expect((await queuePipelineRun(t.db, { trigger: "MANUAL", userId: null, today: "2025-01-02" })).ok).toBe(true);
  });
});

describe("the daily schedule", () => {
  it("two ticks at the same minute (two server processes) start one run; later ticks that day start none", async () => {
    await savePipelineSchedule(t.db, { enabled: true, time: "06:00" });
    const launched: number[] = [];
    const tick = (now: Date) => schedulerTick(t.db, { now, databaseUrl: t.url, launch: (id) => launched.push(id) });

    expect(await tick(madridAt("2025-11-20", "05:59"))).toEqual({ action: "skipped", reason: "not-yet" });
    const [a, b] = await Promise.all([tick(madridAt("2025-11-20", "06:00")), tick(madridAt("2025-11-20", "06:00"))]);
    const started = [a, b].filter((r) => r.action === "started");
    expect(started).toHaveLength(1);
    expect([a, b].map((r) => r.action === "skipped" && r.reason).filter(Boolean)[0]).toMatch(/busy|already-ran/);
    expect(launched).toHaveLength(1);
    const [run] = await runs();
    expect(run).toMatchObject({ trigger: "SCHEDULE", userId: null, status: "QUEUED" });

    await t.db.pipelineRun.update({ where: { id: run!.id }, data: { status: "SUCCEEDED" } });
    expect(await tick(madridAt("2025-11-20", "23:59"))).toEqual({ action: "skipped", reason: "already-ran" });
    expect(await tick(madridAt("2025-11-21", "06:01"))).toMatchObject({ action: "started", day: "2025-11-21" });
    expect(launched).toHaveLength(2);
  });

  it("waits while another run is busy, then starts the day's run once it is free", async () => {
    await savePipelineSchedule(t.db, { enabled: true, time: "06:00" });
    const manual = await queuePipelineRun(t.db, { trigger: "MANUAL", userId: admin.userId, today: "2025-11-20" });
    expect(manual.ok).toBe(true);
    const tick = (time: string) => schedulerTick(t.db, { now: madridAt("2025-11-20", time), databaseUrl: t.url, launch: () => {} });
    // Younger than the queued timeout: still considered alive.
    expect(await tick("06:00")).toEqual({ action: "skipped", reason: "busy" });
    await t.db.pipelineRun.updateMany({ data: { status: "SUCCEEDED" } });
    expect(await tick("06:01")).toMatchObject({ action: "started" });
  });

  it("is off by default and when disabled", async () => {
    expect(await loadPipelineSchedule(t.db)).toEqual({ enabled: false, time: "06:00" });
    expect(await schedulerTick(t.db, { now: madridAt("2025-11-20", "12:00"), databaseUrl: t.url, launch: () => {} })).toEqual({
      action: "skipped",
      reason: "disabled",
    });
    expect(await runs()).toEqual([]);
  });

  it("switched on after today's time, first runs tomorrow; Spain's clock decides the day", async () => {
    const now = madridAt("2025-11-20", "10:30");
    const saved = await commands.savePipelineScheduleCommand(t.db, admin, { enabled: true, time: "06:00" }, now);
    expect(saved).toMatchObject({ enabled: true, time: "06:00", lastRunDay: "2025-11-20", next: { day: "2025-11-21", time: "06:00" } });
    expect(await schedulerTick(t.db, { now, databaseUrl: t.url, launch: () => {} })).toEqual({ action: "skipped", reason: "already-ran" });
    const later = await commands.savePipelineScheduleCommand(t.db, admin, { enabled: true, time: "22:00" }, now);
    expect(later.next).toEqual({ day: "2025-11-21", time: "22:00" });
    await t.db.setting.delete({ where: { key: SCHEDULE_CLAIM_KEY } });
    expect(schedule.nextScheduledRun({ enabled: true, time: "22:00" }, null, now)).toEqual({ day: "2025-11-20", time: "22:00" });
    expect(schedule.nextScheduledRun({ enabled: true, time: "06:00" }, null, now)).toBe("now");
    // 23:30 UTC on the 20th is already the 21st in Madrid.
    expect(scheduleClock(new Date("2025-11-20T23:30:00Z"))).toEqual({ day: "2025-11-21", time: "00:30" });
    expect(scheduleClock(new Date("2025-07-01T04:00:00Z"))).toEqual({ day: "2025-07-01", time: "06:00" });
  });
});

describe("the separate process", () => {
  it("runs the queued row and records the failure cause (no sales imported)", async () => {
    const queued = await queuePipelineRun(t.db, { trigger: "MANUAL", userId: admin.userId, today: "2025-11-20" });
    if (!queued.ok) throw new Error("not queued");
    spawnPipelineProcess(queued.run.id, t.url);
    let run = await t.db.pipelineRun.findUniqueOrThrow({ where: { id: queued.run.id } });
    for (let i = 0; i < 240 && (run.status === "QUEUED" || run.status === "RUNNING"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      run = await t.db.pipelineRun.findUniqueOrThrow({ where: { id: queued.run.id } });
    }
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/No hay ventas importadas/);
    expect(run.finishedAt).not.toBeNull();
    expect(run.log).toContain("No hay ventas importadas");
  }, 90_000);
});
