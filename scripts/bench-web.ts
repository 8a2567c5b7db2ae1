// `npm run bench:web`: page latency under load on the scale-10 demo world (~1.6 M sales lines,
// ~100k alerts). Its own embedded PostgreSQL under .data/bench-web/ (seeded once, reused by later
// runs), a production build (`next build` when sources changed), `next start` on a free loopback
// port, real sessions signed in through next-auth's credentials callback (a delegate, a manager, an
// admin), then 20 concurrent connections per page with autocannon. Prints one line per page:
//   inbox p50 41 ms p95 120 ms
// Options: --seed-only (prepare the database and stop), --duration <s> per page (default 20),
// --connections <n> (default 20), --only map,region (some pages), --floor (also a 404 page behind the
// sign-in and layout: what every page pays before its own work; `--only …,floor` implies it).
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createPgPool, type Pool } from "../lib/db/pg-pool";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { findFreePort } from "../lib/db/find-free-port";
import { prepareDatabase } from "../lib/db/prepare-database";
import { createPrismaClient } from "../lib/db/prisma";
import { PROJECT_ROOT } from "../lib/db/resolve-database";
import { loadDemoWorld } from "../lib/demo-world/load-demo-world";
import { runPipeline } from "../lib/pipeline/run-pipeline";
import { pipelineHooks } from "../lib/pipeline/pipeline-hooks";
import { seedDemoTeam } from "../lib/seed/seed-demo-team";
import { DEMO_PASSWORD } from "../lib/seed/demo-team";
import { ensureNextBuild } from "./lib/next-build";
import { NEXT_SERVER_NODE_FLAGS } from "./lib/next-server-flags";
import { createProgressLine } from "./lib/progress-bar";

// autocannon ships no types (and @types/autocannon is not installed): the little used here, typed.
interface AutocannonResult {
  requests: { total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonTracker {
  on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; headers?: Record<string, string> },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonTracker;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const BENCH_DIR = path.join(PROJECT_ROOT, ".data", "bench-web");
const SCALE = 10;
const DELEGATE_EMAIL = "delegado.madrid@demo.sds";
const MANAGER_EMAIL = "gerente.centro@demo.sds";
const ADMIN_EMAIL = "admin@demo.sds";
/** The manager's region the drill-down pages are measured on (Comunidad de Madrid). */
const BENCH_REGION = "13";

const log = (line: string) => console.log(`[bench:web] ${line}`);

function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

// ───────────────────────────── database ─────────────────────────────

async function ensureWorld(url: string): Promise<void> {
  await prepareDatabase(url, log);
  const db = createPrismaClient(url, { max: 2 });
  try {
    await seedDemoTeam(db);
  } finally {
    await db.$disconnect();
  }
  const pool = createPgPool(url, 4);
  const line = createProgressLine();
  try {
    const lines = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM sales_line")).rows[0]!.n);
    if (lines === 0) {
      log(`Generando e importando el mundo de demostración (escala ${SCALE}); tarda unos minutos…`);
      const started = performance.now();
      const reports = await loadDemoWorld(pool, {
        dir: path.join(BENCH_DIR, "world"),
        scale: SCALE,
        onGenerateProgress: (fraction, written) => line.update(`generando: ${written.toLocaleString("es-ES")} líneas`, fraction),
        onImportProgress: (p) =>
          line.update(`importando ${p.fileName}: ${p.phase === "merging" ? "consolidando…" : `${p.rows.toLocaleString("es-ES")} filas`}`, p.fraction),
      });
      line.done();
      if (reports.some((r) => r.status === "FAILED")) throw new Error("the demo world import failed");
      log(`Mundo importado en ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    } else {
      log(`Datos presentes: ${lines.toLocaleString("es-ES")} líneas de venta.`);
    }
    const alerts = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM alert")).rows[0]!.n);
    if (alerts === 0) {
      log("Motor de señales (entrenar, puntuar, explicar, alertas); tarda varios minutos…");
      const started = performance.now();
      await runPipeline(pool, {
        trigger: "CLI",
        ...(await pipelineHooks(url)),
        onProgress: (p) => line.update(`motor: ${p.step}`, p.fraction),
        log: (text) => {
          line.done();
          log(text);
        },
      });
      line.done();
      log(`Motor terminado en ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    }
    await seedBenchActivity(pool);
    await seedBenchHistory(pool);
    await pool.query("ANALYZE");
    const counts = (
      await pool.query<{ lines: string; alerts: string; events: string }>(
        "SELECT (SELECT count(*) FROM sales_line) AS lines, (SELECT count(*) FROM alert) AS alerts, (SELECT count(*) FROM alert_event) AS events",
      )
    ).rows[0]!;
    log(`Mundo: ${Number(counts.lines).toLocaleString("es-ES")} líneas de venta, ${Number(counts.alerts).toLocaleString("es-ES")} alertas, ${Number(counts.events).toLocaleString("es-ES")} eventos.`);
  } finally {
    await pool.end();
  }
}

/**
 * One pipeline run leaves every alert OPEN and untouched, all created the same day. So that attend
 * rates, response times and weekly trends have something to aggregate (as after weeks of use), this
 * spreads creation over the last 12 weeks and gives a deterministic ~30 % of the delegates' alerts an
 * action (attended, dismissed), once (marked in `setting`).
 */
async function seedBenchActivity(pool: Pool): Promise<void> {
  const done = await pool.query("SELECT 1 FROM setting WHERE key = 'bench-web.activity'");
  if (done.rowCount) return;
  log("Simulando 12 semanas de actividad de los delegados sobre las alertas…");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`UPDATE alert SET created_at = created_at - make_interval(days => (id * 7919) % 84)`);
    await client.query(
      `WITH picked AS (
         SELECT a.id, a.delegate_id, a.channel,
                CASE WHEN (a.id * 31) % 10 < 2 THEN 'ATTENDED' WHEN (a.id * 31) % 10 < 3 THEN 'DISMISSED' END AS outcome,
                a.created_at + make_interval(hours => 2 + (a.id * 13) % 160) AS acted_at
           FROM alert a
          WHERE NOT a.held_out AND a.status = 'OPEN' AND a.delegate_id IS NOT NULL
       ), acted AS (
         UPDATE alert a
            SET status = p.outcome::"AlertStatus", open_key = NULL, closed_at = p.acted_at, version = a.version + 1,
                trace = CASE WHEN a.trace ? 'display' THEN a.trace
                             ELSE jsonb_set(a.trace, '{display}', jsonb_build_object('firstShownOn', a.as_of::text, 'lastShownOn', a.as_of::text, 'lastRank', 1)) END
           FROM picked p
          WHERE a.id = p.id AND p.outcome IS NOT NULL
         RETURNING a.id, a.delegate_id, p.outcome, p.acted_at, p.channel
       )
       INSERT INTO alert_event (alert_id, type, user_id, from_status, to_status, payload, created_at)
       SELECT acted.id, acted.outcome::"AlertEventType", d.user_id, 'OPEN', acted.outcome::"AlertStatus",
              CASE WHEN acted.outcome = 'ATTENDED'
                   THEN jsonb_build_object('channelUsed', acted.channel::text, 'reached', true, 'result', CASE WHEN acted.id % 3 = 0 THEN 'WON' ELSE 'FOLLOW_UP' END, 'notes', 'bench')
                   ELSE jsonb_build_object('reasonCode', 'OTHER', 'notes', 'bench') END,
              acted.acted_at
         FROM acted JOIN delegate d ON d.id = acted.delegate_id`,
    );
    await client.query(`INSERT INTO setting (key, value, updated_at) VALUES ('bench-web.activity', 'true'::jsonb, now())`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/**
 * One run raises ~24k alerts at scale 10; a region's dashboards after a few months of daily runs
 * aggregate ~100k. Three earlier "runs" are cloned from the current alerts (28, 56 and 84 days
 * earlier in the data calendar, creation spread over the trend's 12 weeks), closed as people and the
 * engine would have closed them — attended (with the delegate's event), dismissed, expired — and a
 * share of the attended and of the control group followed by an attributed purchase, so conversion
 * and lift have figures. Once (marked in `setting`).
 */
async function seedBenchHistory(pool: Pool): Promise<void> {
  const done = await pool.query("SELECT 1 FROM setting WHERE key = 'bench-web.history'");
  if (done.rowCount) return;
  log("Simulando tres ejecuciones anteriores del motor (alertas cerradas, acciones, compras atribuidas)…");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `WITH source AS (
         SELECT a.*, k, (a.id * 37 + k * 11) % 100 AS h
           FROM alert a CROSS JOIN generate_series(1, 3) AS k
       ), cloned AS (
         INSERT INTO alert (client_id, family_code, motive, status, open_key, held_out, delegate_id, priority_score, priority_band,
                            expected_impact, conversion_probability, urgency, contact_from, contact_until, response_deadline, channel,
                            reasons, trace, as_of, snoozed_until, version, created_at, updated_at, closed_at)
         SELECT client_id, family_code, motive,
                (CASE WHEN held_out OR delegate_id IS NULL THEN 'EXPIRED' WHEN h < 35 THEN 'ATTENDED' WHEN h < 50 THEN 'DISMISSED' ELSE 'EXPIRED' END)::"AlertStatus",
                NULL, held_out, delegate_id, priority_score, priority_band, expected_impact, conversion_probability, urgency,
                contact_from - 28 * k, contact_until - 28 * k, response_deadline - 28 * k, channel, reasons, trace, as_of - 28 * k, NULL, 2,
                now() - make_interval(days => ((id * k * 7919) % 84)::int, hours => ((id * 7) % 24)::int), now(), now()
           FROM source
         RETURNING id, status, held_out, delegate_id, created_at, client_id, family_code, channel
       ), created_events AS (
         INSERT INTO alert_event (alert_id, type, to_status, payload, created_at)
         SELECT id, 'CREATED', 'OPEN', jsonb_build_object('bench', true), created_at FROM cloned
       ), action_events AS (
         INSERT INTO alert_event (alert_id, type, user_id, from_status, to_status, payload, created_at)
         SELECT c.id, c.status::text::"AlertEventType", d.user_id, 'OPEN', c.status,
                CASE WHEN c.status = 'ATTENDED'
                     THEN jsonb_build_object('channelUsed', c.channel::text, 'reached', true, 'result', CASE WHEN c.id % 3 = 0 THEN 'WON' ELSE 'FOLLOW_UP' END, 'notes', 'bench')
                     ELSE jsonb_build_object('reasonCode', 'NOT_INTERESTED', 'notes', 'bench') END,
                c.created_at + make_interval(hours => (2 + (c.id * 13) % 160)::int)
           FROM cloned c JOIN delegate d ON d.id = c.delegate_id
          WHERE c.status IN ('ATTENDED', 'DISMISSED')
       ), expired_events AS (
         INSERT INTO alert_event (alert_id, type, from_status, to_status, payload, created_at)
         SELECT id, 'EXPIRED', 'OPEN', 'EXPIRED', jsonb_build_object('reason', 'WINDOW_PASSED', 'bench', true), created_at + interval '21 days'
           FROM cloned WHERE status = 'EXPIRED'
       )
       INSERT INTO alert_attribution (alert_id, sales_line_id, amount, days_after)
       SELECT c.id, line.id, line.value, 10
         FROM cloned c
         CROSS JOIN LATERAL (
           SELECT s.id, s.value FROM sales_line s
            WHERE s.client_id = c.client_id AND s.family_code = c.family_code AND s.kind = 'PURCHASE'
            ORDER BY s.date DESC LIMIT 1
         ) line
        WHERE (c.status = 'ATTENDED' AND (c.id * 17) % 100 < 45) OR (c.held_out AND (c.id * 17) % 100 < 30)`,
    );
    await client.query(`INSERT INTO setting (key, value, updated_at) VALUES ('bench-web.history', 'true'::jsonb, now())`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

// ───────────────────────────── web server and sessions ─────────────────────────────

async function startWeb(url: string, port: number): Promise<ChildProcess> {
  const web = spawn(process.execPath, [...NEXT_SERVER_NODE_FLAGS, path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "bench-web-secret-not-for-production-0123456789",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      SIGNALS_LOG_LEVEL: "silent",
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (web.exitCode !== null) throw new Error(`next start exited with ${web.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/login`);
      if (response.ok) return web;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** A real session: CSRF token, then the credentials callback, as the login page does. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true", callbackUrl: base }),
  });
  const session = cookiesOf(response).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${response.status})`);
  return [...jar, session].join("; ");
}

async function expectOk(base: string, pagePath: string, cookie: string): Promise<void> {
  const response = await fetch(`${base}${pagePath}`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
}

// ───────────────────────────── load ─────────────────────────────

interface Target {
  name: string;
  path: string;
  cookie: string;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** `connections` concurrent keep-alive connections for `duration` seconds; every response's latency
 *  is kept, so p50/p95/p99 are exact (autocannon's own summary has p90 and p97.5, no p95). */
function measure(base: string, target: Target, connections: number, duration: number) {
  return new Promise<{ p50: number; p95: number; p99: number; requests: number; non2xx: number; errors: number }>((resolve, reject) => {
    const times: number[] = [];
    const tracker = autocannon({ url: `${base}${target.path}`, connections, duration, headers: { cookie: target.cookie } }, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      resolve({
        p50: Math.round(percentile(times, 50)),
        p95: Math.round(percentile(times, 95)),
        p99: Math.round(percentile(times, 99)),
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    });
    tracker.on("response", (_client, _status, _bytes, responseTimeMs) => times.push(responseTimeMs));
  });
}

async function pickTargets(url: string, base: string, cookies: { delegate: string; manager: string; admin: string }): Promise<Target[]> {
  const pool = createPgPool(url, 1);
  try {
    const { rows } = await pool.query<{ alert_id: number; delegate_id: number; client_id: number }>(
      `SELECT a.id AS alert_id, d.id AS delegate_id, a.client_id
         FROM alert a
         JOIN delegate d ON d.id = a.delegate_id
         JOIN app_user u ON u.id = d.user_id
        WHERE u.email = $1 AND NOT a.held_out AND a.status = 'OPEN'
        ORDER BY a.priority_score DESC LIMIT 1`,
      [DELEGATE_EMAIL],
    );
    const pick = rows[0];
    if (!pick) throw new Error(`no open alert for ${DELEGATE_EMAIL}`);
    const targets: Target[] = [
      { name: "inbox", path: "/inbox", cookie: cookies.delegate },
      { name: "alert", path: `/alerts/${pick.alert_id}`, cookie: cookies.delegate },
      { name: "map", path: "/region", cookie: cookies.manager },
      { name: "map-admin", path: "/region", cookie: cookies.admin },
      { name: "region", path: `/region/${BENCH_REGION}`, cookie: cookies.manager },
      { name: "delegate", path: `/region/delegates/${pick.delegate_id}`, cookie: cookies.manager },
      { name: "client", path: `/region/clients/${pick.client_id}`, cookie: cookies.manager },
    ];
    for (const target of targets) await expectOk(base, target.path, target.cookie);
    const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1]!.split(",") : null;
    if (process.argv.includes("--floor") || only?.includes("floor")) targets.push({ name: "floor", path: "/region/00", cookie: cookies.manager });
    return only ? targets.filter((t) => only.includes(t.name)) : targets;
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const seedOnly = process.argv.includes("--seed-only");
  const duration = argValue("--duration", 20);
  const connections = argValue("--connections", 20);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(BENCH_DIR, "pg"),
    port: await findFreePort(),
    database: "bench_web",
    persistent: true,
    log,
  });
  let web: ChildProcess | undefined;
  const stop = async () => {
    if (web && web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((resolve) => web!.once("exit", resolve));
    }
    await database.stop();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  process.once("SIGTERM", () => void stop().then(() => process.exit(143)));
  try {
    await ensureWorld(database.url);
    if (seedOnly) return;
    ensureNextBuild(PROJECT_ROOT, log);
    const port = await findFreePort();
    web = await startWeb(database.url, port);
    const base = `http://127.0.0.1:${port}`;
    const cookies = {
      delegate: await signIn(base, DELEGATE_EMAIL),
      manager: await signIn(base, MANAGER_EMAIL),
      admin: await signIn(base, ADMIN_EMAIL),
    };
    const targets = await pickTargets(database.url, base, cookies);
    log(`${connections} conexiones concurrentes, ${duration} s por página; carga media antes: ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
    for (const target of targets) {
      const page = await fetch(`${base}${target.path}`, { headers: { cookie: target.cookie } });
      const bytes = (await page.arrayBuffer()).byteLength;
      // A short warm-up so that the first compilation of each route is not measured.
      await measure(base, target, 2, 2);
      const r = await measure(base, target, connections, duration);
      const extra = r.non2xx || r.errors ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : "";
      console.log(`${target.name} p50 ${r.p50} ms p95 ${r.p95} ms p99 ${r.p99} ms · ${r.requests} requests · ${Math.round(bytes / 1024)} KB${extra}`);
    }
    log(`carga media después: ${os.loadavg().map((n) => n.toFixed(2)).join(" ")} (${os.cpus().length} núcleos)`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
