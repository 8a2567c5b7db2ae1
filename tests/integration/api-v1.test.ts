// The CRM API through its real route handlers on a real PostgreSQL: personal tokens (hashing,
// verification, last use, revocation), scoping by the token owner's role, filters, keyset pagination,
// and CSV that Excel cannot turn into formulas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken, generateApiToken, hashApiToken, API_TOKEN_PATTERN } from "../../lib/api/api-tokens";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { addDays, madridTodayIso, seedAlert, seedScore } from "../helpers/seed-alerts";

type RouteGet = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const TODAY = madridTodayIso();
let t: TestDatabase;
let admin: Actor;
let alertsGet: RouteGet;
let scoresGet: RouteGet;
let pipelineRunGet: RouteGet;
// Loaded after DATABASE_URL is set: importing the auth options reads (and caches) the environment.
let createApiTokenCommand: typeof import("../../lib/actions/admin/token-commands").createApiTokenCommand;
let revokeApiTokenCommand: typeof import("../../lib/actions/admin/token-commands").revokeApiTokenCommand;
const tokens: Record<"madrid" | "barcelona" | "centro" | "admin", string> = { madrid: "", barcelona: "", centro: "", admin: "" };
const clientIds: Record<string, number> = {};

async function actorFor(email: string): Promise<Actor> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(t.db, user.id))!;
}

async function issue(email: string, name = "CRM"): Promise<string> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await createApiTokenCommand(t.db, admin, { userId: user.id, name })).token;
}

function call(handler: RouteGet, path: string, headers: Record<string, string> = {}, params: Record<string, string> = {}): Promise<Response> {
  return handler(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve(params) });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface AlertsBody {
  data: { id: number; clientId: string; provinceCode: string; reasons: string[]; delegate: { name: string } | null; updatedAt: string }[];
  nextCursor: string | null;
}

beforeAll(async () => {
  t = await createTestDatabase();
  // The route handlers use the app's own database client, which reads DATABASE_URL on first use.
  process.env.DATABASE_URL = t.url;
  ({ createApiTokenCommand, revokeApiTokenCommand } = await import("../../lib/actions/admin/token-commands"));
  await seedDemoTeam(t.db);
  admin = await actorFor("admin@demo.sds");
  for (const [externalId, provinceCode] of [["280001", "28"], ["280002", "28"], ["080001", "08"], ["=HYPERLINK(\"http://x\")", "28"]] as const) {
    clientIds[externalId] = (await t.db.client.create({ data: { externalId, provinceCode }, select: { id: true } })).id;
  }
  const asOf = addDays(TODAY, -1);
  await seedAlert(t.db, { clientId: clientIds["280001"]!, familyCode: "T1", motive: "CHURN_RISK", asOf, band: "HIGH" });
  await seedAlert(t.db, { clientId: clientIds["280001"]!, familyCode: "C1", motive: "REPLENISHMENT", asOf, band: "MEDIUM" });
  await seedAlert(t.db, { clientId: clientIds["280002"]!, familyCode: "C2", motive: "CAPTURE", asOf, status: "ATTENDED" });
  await seedAlert(t.db, { clientId: clientIds["280002"]!, familyCode: "T1", motive: "CHURN_RISK", asOf, heldOut: true });
  await seedAlert(t.db, { clientId: clientIds["080001"]!, familyCode: "C1", motive: "REPLENISHMENT", asOf });
  await seedAlert(t.db, {
    clientId: clientIds["=HYPERLINK(\"http://x\")"]!,
    familyCode: "C2",
    motive: "CAPTURE",
    asOf,
    reasons: [{ source: "rule", code: "x", text: "-2+3 =SUM(A1:A9), \"quoted\"" }],
  });
  for (const [client, family, pBuy] of [["280001", "T1", 0.2], ["280001", "C1", 0.9], ["280002", "C2", 0.7], ["080001", "C1", 0.8]] as const) {
    await seedScore(t.db, { clientId: clientIds[client]!, familyCode: family, asOf, pBuy90d: pBuy });
    await seedScore(t.db, { clientId: clientIds[client]!, familyCode: family, asOf: addDays(asOf, -7), pBuy90d: 0.5 });
  }
  tokens.madrid = await issue("delegado.madrid@demo.sds");
  tokens.barcelona = await issue("delegado.barcelona@demo.sds");
  tokens.centro = await issue("gerente.centro@demo.sds");
  tokens.admin = await issue("admin@demo.sds");
  alertsGet = (await import("../../app/api/v1/alerts/route")).GET as unknown as RouteGet;
  scoresGet = (await import("../../app/api/v1/scores/route")).GET as unknown as RouteGet;
  pipelineRunGet = (await import("../../app/api/admin/pipeline/runs/[id]/route")).GET as unknown as RouteGet;
});
afterAll(() => t.drop());

describe("personal API tokens", () => {
  it("look like sds_<prefix>_<secret> and only their SHA-256 is stored", async () => {
    const generated = generateApiToken();
    expect(generated.token).toMatch(API_TOKEN_PATTERN);
    expect(generated.token.startsWith(`sds_${generated.prefix}_`)).toBe(true);
    expect(generated.tokenHash).toBe(hashApiToken(generated.token));
    expect(generated.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(generateApiToken().token).not.toBe(generated.token);

    const stored = await t.db.apiToken.findMany({ select: { prefix: true, tokenHash: true } });
    expect(stored).toHaveLength(4);
    for (const row of stored) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(tokens).some((token) => token.includes(row.tokenHash))).toBe(false);
    }
    expect(stored.map((row) => row.tokenHash).sort()).toEqual(Object.values(tokens).map(hashApiToken).sort());
  });

  it("authenticate as their owner, record the last use, and stop at revocation or deactivation", async () => {
    const token = await issue("delegado.valencia@demo.sds", "Verificación");
    const actor = await authenticateApiToken(t.db, token);
    expect(actor).toMatchObject({ email: "delegado.valencia@demo.sds", role: "DELEGATE" });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) }, select: { id: true, lastUsedAt: true } });
    expect(row.lastUsedAt).not.toBeNull();

    expect(await authenticateApiToken(t.db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await authenticateApiToken(t.db, "sds_deadbeef_tooshort")).toBeNull();
    expect(await authenticateApiToken(t.db, "")).toBeNull();

    await t.db.user.update({ where: { email: "delegado.valencia@demo.sds" }, data: { active: false } });
    expect(await authenticateApiToken(t.db, token)).toBeNull();
    await t.db.user.update({ where: { email: "delegado.valencia@demo.sds" }, data: { active: true } });
    expect(await authenticateApiToken(t.db, token)).not.toBeNull();

    await revokeApiTokenCommand(t.db, admin, { tokenId: row.id });
    expect(await authenticateApiToken(t.db, token)).toBeNull();
  });

  // (Without any credentials the session is asked, which needs a real request: tests/e2e cover that 401.)
  it("get 401 when unknown, malformed or revoked, and 403 on admin endpoints", async () => {
    const unknown = await call(alertsGet, "/api/v1/alerts", bearer(generateApiToken().token));
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain("Bearer");
    expect(await unknown.json()).toMatchObject({ error: "invalid_token" });
    expect((await call(alertsGet, "/api/v1/alerts", { authorization: "Bearer " })).status).toBe(401);

    const forbidden = await call(pipelineRunGet, "/api/admin/pipeline/runs/1", bearer(tokens.admin), { id: "1" });
    expect(forbidden.status).toBe(403);

    const token = await issue("delegado.madrid@demo.sds", "Temporal");
    expect((await call(alertsGet, "/api/v1/alerts", bearer(token))).status).toBe(200);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) }, select: { id: true } });
    await revokeApiTokenCommand(t.db, admin, { tokenId: row.id });
    expect((await call(alertsGet, "/api/v1/alerts", bearer(token))).status).toBe(401);
  });
});

describe("GET /api/v1/alerts", () => {
  async function clientsSeenBy(token: string, query = ""): Promise<string[]> {
    const response = await call(alertsGet, `/api/v1/alerts${query}`, bearer(token));
    expect(response.status).toBe(200);
    const body = (await response.json()) as AlertsBody;
    return body.data.map((alert) => alert.clientId).sort();
  }

  it("is scoped by the token owner's role, and never shows the control group", async () => {
    const madrid = await clientsSeenBy(tokens.madrid);
    expect(madrid).toEqual(["280001", "280001", "280002", "=HYPERLINK(\"http://x\")"].sort());
    expect(await clientsSeenBy(tokens.barcelona)).toEqual(["080001"]);
    expect(await clientsSeenBy(tokens.centro)).toEqual(madrid); // Comunidad de Madrid, not Cataluña
    expect(await clientsSeenBy(tokens.admin)).toEqual([...madrid, "080001"].sort());
  });

  it("filters by status, motive, family, band, province, delegate and update time", async () => {
    expect(await clientsSeenBy(tokens.admin, "?status=attended")).toEqual(["280002"]);
    expect(await clientsSeenBy(tokens.admin, "?motive=REPLENISHMENT&family=C1")).toEqual(["080001", "280001"]);
    expect(await clientsSeenBy(tokens.admin, "?priority_band=HIGH")).toEqual(["280001"]);
    expect(await clientsSeenBy(tokens.admin, "?province=08")).toEqual(["080001"]);
    expect(await clientsSeenBy(tokens.admin, "?delegate=delegado.barcelona@demo.sds")).toEqual(["080001"]);
    const barcelona = await t.db.delegate.findFirstOrThrow({ where: { user: { email: "delegado.barcelona@demo.sds" } }, select: { id: true } });
    expect(await clientsSeenBy(tokens.admin, `?delegate=${barcelona.id}`)).toEqual(["080001"]);
    expect(await clientsSeenBy(tokens.admin, `?updated_since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect((await clientsSeenBy(tokens.admin, "?updated_since=2000-01-01")).length).toBe(5);
    // A delegate's token cannot widen its scope with a filter.
    expect(await clientsSeenBy(tokens.madrid, "?province=08")).toEqual([]);

    const invalid = await call(alertsGet, "/api/v1/alerts?status=LOST&limit=0&updated_since=yesterday", bearer(tokens.admin));
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).map((key) => key.split(".")[0]).sort()).toEqual(["limit", "status", "updated_since"]);
  });

  it("pages with a keyset cursor: every alert once, in (updated_at, id) order, until nextCursor is null", async () => {
    const seen: number[] = [];
    let path = "/api/v1/alerts?limit=2";
    let pages = 0;
    for (;;) {
      const response = await call(alertsGet, path, bearer(tokens.admin));
      const body = (await response.json()) as AlertsBody & { next: string | null };
      seen.push(...body.data.map((a) => a.id));
      pages++;
      if (!body.nextCursor) break;
      expect(response.headers.get("link")).toContain("rel=\"next\"");
      path = body.next!;
      expect(path).toContain(`cursor=${body.nextCursor}`);
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    const all = (await (await call(alertsGet, "/api/v1/alerts?limit=1000", bearer(tokens.admin))).json()) as AlertsBody;
    expect(seen).toEqual(all.data.map((a) => a.id));

    // An alert updated after the sync started shows up again at the end (incremental sync).
    await t.db.alert.update({ where: { id: seen[0]! }, data: { urgency: 0.5 } });
    const after = (await (await call(alertsGet, "/api/v1/alerts?limit=1000", bearer(tokens.admin))).json()) as AlertsBody;
    expect(after.data.at(-1)!.id).toBe(seen[0]);

    expect((await call(alertsGet, "/api/v1/alerts?cursor=not-a-cursor", bearer(tokens.admin))).status).toBe(400);
  });

  it("returns CSV on ?format=csv or Accept: text/csv, with formula-like cells neutralised", async () => {
    for (const [query, headers] of [["?format=csv&province=28", {}], ["?province=28", { accept: "text/csv" }]] as const) {
      const response = await call(alertsGet, `/api/v1/alerts${query}`, { ...bearer(tokens.madrid), ...headers });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      const csv = await response.text();
      const lines = csv.trimEnd().split("\r\n");
      expect(lines[0]).toMatch(/^id,client_id,province_code,family_code,motive,status/);
      expect(lines).toHaveLength(5);
      // The client id and the reason start like formulas: apostrophe first, quoted where needed.
      expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
      expect(csv).toContain(`"'-2+3 =SUM(A1:A9), ""quoted"""`);
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    }
  });
});

describe("GET /api/v1/scores", () => {
  interface ScoresBody {
    asOf: string;
    data: { clientId: string; familyCode: string; asOf: string; pBuy90d: number }[];
    nextCursor: string | null;
  }
  const asOf = addDays(TODAY, -1);

  it("serves the latest as-of by default, scoped, filtered, and pages within one as-of", async () => {
    const madrid = (await (await call(scoresGet, "/api/v1/scores", bearer(tokens.madrid))).json()) as ScoresBody;
    expect(madrid.asOf).toBe(asOf);
    expect(madrid.data.map((s) => `${s.clientId}:${s.familyCode}`).sort()).toEqual(["280001:C1", "280001:T1", "280002:C2"]);

    const likely = (await (await call(scoresGet, "/api/v1/scores?min_p_buy=0.75", bearer(tokens.admin))).json()) as ScoresBody;
    expect(likely.data.map((s) => s.clientId).sort()).toEqual(["080001", "280001"]);

    const older = (await (await call(scoresGet, `/api/v1/scores?as_of=${addDays(asOf, -7)}&family=C1`, bearer(tokens.admin))).json()) as ScoresBody;
    expect(older.data.every((s) => s.asOf === addDays(asOf, -7) && s.pBuy90d === 0.5 && s.familyCode === "C1")).toBe(true);
    expect(older.data).toHaveLength(2);

    const first = (await (await call(scoresGet, "/api/v1/scores?limit=3", bearer(tokens.admin))).json()) as ScoresBody;
    expect(first.data).toHaveLength(3);
    // A newer run lands mid-pagination: the cursor keeps the next page on the same as-of.
    await seedScore(t.db, { clientId: clientIds["080001"]!, familyCode: "T2", asOf: TODAY });
    const second = (await (await call(scoresGet, `/api/v1/scores?limit=3&cursor=${first.nextCursor}`, bearer(tokens.admin))).json()) as ScoresBody;
    expect(second.asOf).toBe(asOf);
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();

    const csv = await call(scoresGet, "/api/v1/scores?format=csv", bearer(tokens.barcelona));
    expect(csv.headers.get("x-as-of")).toBe(TODAY);
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "client_id,province_code,family_code,as_of,p_buy_90d,p_churn_90d,p_churn_180d,expected_days_to_next,segment,share_of_wallet,potential_unreliable,buy_reasons,churn_reasons",
    );
  });

  it("gives each score the reasons of its explanation (stored apart, keyed alike), none where there is none", async () => {
    await t.db.scoreExplanation.create({
      data: {
        asOf: new Date(`${asOf}T00:00:00Z`),
        clientId: clientIds["280001"]!,
        familyCode: "C1",
        reasons: { buy: [{ feature: "recency_days", contribution: 0.4, text: "Compra cada 30 días" }], churn: [{ feature: "x", contribution: 0.1, text: "Baja" }] },
      },
    });
    const body = (await (await call(scoresGet, `/api/v1/scores?as_of=${asOf}&family=C1`, bearer(tokens.madrid))).json()) as {
      data: { clientId: string; reasons: { buy: string[]; churn: string[] } }[];
    };
    expect(body.data.map((s) => [s.clientId, s.reasons])).toEqual([["280001", { buy: ["Compra cada 30 días"], churn: ["Baja"] }]]);
  });
});
