import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listShownAlerts, markShownAlerts } from "../../lib/alerts/shown-alerts";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { getAlertDetail } from "../../lib/data/inbox/get-alert-detail";
import { getInboxPage } from "../../lib/data/inbox/get-inbox-page";
import { inboxHref, parseInboxQuery, type InboxQuery } from "../../lib/data/inbox/inbox-query";
import { readAlertReasons, readAlertTrace } from "../../lib/data/inbox/read-alert-explanation";
import { createPgPool, type Pool } from "../../lib/db/pg-pool";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { addDays, seedAlert, seedPotential, seedSalesRhythm, seedScore } from "../helpers/seed-alerts";

const TODAY = "2026-03-10";
const AS_OF = "2026-03-09";

let t: TestDatabase;
let pool: Pool;
let madrid: Actor, barcelona: Actor, centro: Actor, este: Actor, admin: Actor;
const ids: Record<string, number> = {};
/** The 36 open alerts of the Madrid pagination set, with what each was seeded with. */
const madridOpen: { id: number; score: number; impact: number; until: string }[] = [];

async function actorFor(email: string): Promise<Actor> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(t.db, user.id))!;
}

const query = (patch: Partial<InboxQuery> = {}): InboxQuery => ({ ...parseInboxQuery({}), ...patch });

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 2);
  await seedDemoTeam(t.db);
  madrid = await actorFor("delegado.madrid@demo.sds");
  barcelona = await actorFor("delegado.barcelona@demo.sds");
  centro = await actorFor("gerente.centro@demo.sds");
  este = await actorFor("gerente.este@demo.sds");
  admin = await actorFor("admin@demo.sds");

  // 12 Madrid clients × 3 open alerts = 36 (two pages of 25), scores and impacts all distinct.
  const families = [
    ["C1", "REPLENISHMENT", "TELESALES"],
    ["T1", "CHURN_RISK", "DELEGATE_CALL"],
    ["C2", "CAPTURE", "FIELD_VISIT"],
  ] as const;
  for (let n = 0; n < 12; n++) {
    const client = await t.db.client.create({ data: { externalId: `28${String(100 + n)}`, postalCode: `280${String(10 + n)}`, provinceCode: "28" }, select: { id: true } });
    for (const [index, [familyCode, motive, channel]] of families.entries()) {
      const k = n * 3 + index;
      const score = 0.1 + ((k * 7) % 36) / 40;
      const impact = 100 + ((k * 11) % 36) * 50;
      const until = addDays(TODAY, 3 + ((k * 5) % 36));
      const band = score >= 0.7 ? "HIGH" : score >= 0.4 ? "MEDIUM" : "LOW";
      const alert = await seedAlert(t.db, { clientId: client.id, familyCode, motive, asOf: AS_OF, band, priorityScore: score, expectedImpact: impact, channel, contactFrom: TODAY, contactUntil: until });
      madridOpen.push({ id: alert.id, score, impact, until });
    }
    ids[`madridClient${n}`] = client.id;
  }

  // A client with history, context and a few alerts in every state.
  const rich = await t.db.client.create({ data: { externalId: "280001", postalCode: "28001", provinceCode: "28" }, select: { id: true } });
  ids.rich = rich.id;
  await seedSalesRhythm(t.db, { clientId: rich.id, familyCode: "T1", from: addDays(AS_OF, -75 - 30 * 25), until: addDays(AS_OF, -75), everyDays: 30, value: 400, returnEvery: 4, returnValue: 120 });
  await seedScore(t.db, { clientId: rich.id, familyCode: "T1", asOf: AS_OF, segment: "TECHNICAL", shareOfWallet: 0.35, pChurn90d: 0.72 });
  await seedPotential(t.db, rich.id, "T1", 12000);
  ids.richChurn = (await seedAlert(t.db, { clientId: rich.id, familyCode: "T1", motive: "CHURN_RISK", asOf: AS_OF, band: "HIGH", expectedImpact: 4200 })).id;
  ids.richAttended = (await seedAlert(t.db, { clientId: rich.id, familyCode: "C1", motive: "REPLENISHMENT", asOf: AS_OF, status: "ATTENDED" })).id;
  ids.richDismissed = (await seedAlert(t.db, { clientId: rich.id, familyCode: "C2", motive: "CAPTURE", asOf: AS_OF, status: "DISMISSED" })).id;
  ids.richSnoozedFuture = (await seedAlert(t.db, { clientId: rich.id, familyCode: "T2", motive: "DETERIORATION", asOf: AS_OF, status: "SNOOZED", snoozedUntil: addDays(TODAY, 5) })).id;
  ids.richSnoozedPast = (await seedAlert(t.db, { clientId: rich.id, familyCode: "C1", motive: "CAPTURE", asOf: AS_OF, status: "SNOOZED", snoozedUntil: addDays(TODAY, -1) })).id;
  ids.richExpired = (await seedAlert(t.db, { clientId: rich.id, familyCode: "C2", motive: "REACTIVATION", asOf: AS_OF, status: "EXPIRED" })).id;
  ids.richHeldOut = (await seedAlert(t.db, { clientId: rich.id, familyCode: "T2", motive: "CHURN_RISK", asOf: AS_OF, heldOut: true, band: "HIGH", expectedImpact: 99999 })).id;
  await t.db.alertEvent.create({ data: { alertId: ids.richChurn, type: "CREATED", toStatus: "OPEN", payload: { runId: 1 } } });

  const bcn = await t.db.client.create({ data: { externalId: "080001", postalCode: "08001", provinceCode: "08" }, select: { id: true } });
  ids.barcelonaAlert = (await seedAlert(t.db, { clientId: bcn.id, familyCode: "C1", motive: "REPLENISHMENT", asOf: AS_OF })).id;
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("inbox page", () => {
  it("shows a delegate only their own clients' alerts, never the control group", async () => {
    const page = await getInboxPage(t.db, madrid, query(), TODAY);
    // 36 + the rich client's open T1 alert + its elapsed snooze.
    expect(page.tabCounts).toEqual({ pending: 38, attended: 1, dismissed: 1, snoozed: 1 });
    expect(page.total).toBe(38);
    const all = [...(await getInboxPage(t.db, madrid, query({ page: 1 }), TODAY)).rows, ...(await getInboxPage(t.db, madrid, query({ page: 2 }), TODAY)).rows];
    expect(all.map((row) => row.id)).not.toContain(ids.richHeldOut);
    expect(all.map((row) => row.id)).not.toContain(ids.barcelonaAlert);
    expect(all.every((row) => row.provinceName === "Madrid")).toBe(true);

    const bcn = await getInboxPage(t.db, barcelona, query(), TODAY);
    expect(bcn.rows.map((row) => row.id)).toEqual([ids.barcelonaAlert]);
    expect(bcn.tabCounts).toEqual({ pending: 1, attended: 0, dismissed: 0, snoozed: 0 });
  });

  it("never widens the scope through a stale routing (alert.delegate_id)", async () => {
    // A Barcelona client's alert still routed to Madrid's delegate (e.g. before the engine re-resolves it).
    const stale = await t.db.client.create({ data: { externalId: "089999", provinceCode: "08" }, select: { id: true } });
    const alert = await seedAlert(t.db, { clientId: stale.id, familyCode: "T2", motive: "REACTIVATION", asOf: AS_OF });
    await t.db.alert.update({ where: { id: alert.id }, data: { delegateId: madrid.delegateId } });
    expect((await getInboxPage(t.db, madrid, query({ q: "089999" }), TODAY)).total).toBe(0);
    expect(await getAlertDetail(t.db, madrid, alert.id, TODAY)).toBeNull();
    // Its rightful delegate can open it (the page is scoped by the client), and the engine's next run fixes the routing.
    expect(await getAlertDetail(t.db, barcelona, alert.id, TODAY)).not.toBeNull();
    await t.db.alert.delete({ where: { id: alert.id } });
  });

  it("follows a client that moves to another province: its alerts leave the old delegate's inbox", async () => {
    // The inbox scopes alerts by their copy of the client's province (alert.province_code), which the
    // database keeps: filled on insert, followed when the client's province changes (as an import does).
    const mover = await t.db.client.create({ data: { externalId: "287777", provinceCode: "28" }, select: { id: true } });
    const alert = await seedAlert(t.db, { clientId: mover.id, familyCode: "C2", motive: "CAPTURE", asOf: AS_OF });
    const provinceOf = async () =>
      (await pool.query<{ province_code: string | null }>("SELECT province_code FROM alert WHERE id = $1", [alert.id])).rows[0]!.province_code;
    expect(await provinceOf()).toBe("28");
    const before = await getInboxPage(pool, madrid, query(), TODAY);
    expect((await getInboxPage(pool, madrid, query({ q: "287777" }), TODAY)).rows.map((row) => row.id)).toEqual([alert.id]);

    await pool.query("UPDATE client SET province_code = '08' WHERE id = $1", [mover.id]);
    expect(await provinceOf()).toBe("08");
    for (const db of [pool, t.db]) {
      expect((await getInboxPage(db, madrid, query({ q: "287777" }), TODAY)).total).toBe(0);
      expect((await getInboxPage(db, madrid, query(), TODAY)).tabCounts.pending).toBe(before.tabCounts.pending - 1);
      expect(await getAlertDetail(db, madrid, alert.id, TODAY)).toBeNull();
      expect(await getAlertDetail(db, barcelona, alert.id, TODAY)).not.toBeNull();
    }
    // The copy cannot be written past the client: a direct write is overwritten with the client's province.
    await pool.query("UPDATE alert SET province_code = '28' WHERE id = $1", [alert.id]);
    expect(await provinceOf()).toBe("08");
    // Moving back brings it back.
    await pool.query("UPDATE client SET province_code = '28' WHERE id = $1", [mover.id]);
    expect((await getInboxPage(pool, madrid, query({ q: "287777" }), TODAY)).rows.map((row) => row.id)).toEqual([alert.id]);
    await t.db.alert.delete({ where: { id: alert.id } });
    await t.db.client.delete({ where: { id: mover.id } });
  });

  it("keeps each province's client count exact through inserts, upserts, moves and deletes", async () => {
    const counted = async () =>
      (await pool.query<{ code: string; client_count: number; real: number }>(
        "SELECT p.code, p.client_count, (SELECT count(*)::int FROM client c WHERE c.province_code = p.code) AS real FROM province p ORDER BY p.code",
      )).rows;
    const territory = async (actor: Actor) => (await getInboxPage(pool, actor, query(), TODAY)).territory[0]!.clients;
    const madridBefore = await territory(madrid);
    const barcelonaBefore = await territory(barcelona);
    await pool.query(`INSERT INTO client (external_id, province_code) VALUES ('28c1', '28'), ('28c2', '28'), ('08c1', '08'), ('xxc1', NULL)`);
    expect([await territory(madrid), await territory(barcelona)]).toEqual([madridBefore + 2, barcelonaBefore + 1]);
    // An import's upsert: one row moves (28 → 08), one stays, one is new.
    await pool.query(
      `INSERT INTO client (external_id, province_code) VALUES ('28c1', '08'), ('28c2', '28'), ('08c2', '08')
       ON CONFLICT (external_id) DO UPDATE SET province_code = EXCLUDED.province_code`,
    );
    expect([await territory(madrid), await territory(barcelona)]).toEqual([madridBefore + 1, barcelonaBefore + 3]);
    await pool.query(`UPDATE client SET province_code = '28' WHERE external_id = 'xxc1'`);
    await pool.query(`DELETE FROM client WHERE external_id IN ('28c1', '28c2', '08c1', '08c2', 'xxc1')`);
    expect([await territory(madrid), await territory(barcelona)]).toEqual([madridBefore, barcelonaBefore]);
    for (const row of await counted()) expect(row.client_count, row.code).toBe(row.real);
  });

  it("puts a snooze whose date has come back into Pendientes, and the others in Pospuestas", async () => {
    const pending = await getInboxPage(t.db, madrid, query({ q: "280001" }), TODAY);
    expect(pending.rows.map((row) => row.id).sort()).toEqual([ids.richChurn, ids.richSnoozedPast].sort());
    const snoozed = await getInboxPage(t.db, madrid, query({ tab: "snoozed" }), TODAY);
    expect(snoozed.rows.map((row) => row.id)).toEqual([ids.richSnoozedFuture]);
    expect(snoozed.rows[0]!.snoozedUntil).toBe(addDays(TODAY, 5));
    // The day the snooze ends it is pending again.
    const later = await getInboxPage(t.db, madrid, query({ tab: "snoozed" }), addDays(TODAY, 5));
    expect(later.total).toBe(0);
    expect((await getInboxPage(t.db, madrid, query({ tab: "attended" }), TODAY)).rows.map((row) => row.id)).toEqual([ids.richAttended]);
    expect((await getInboxPage(t.db, madrid, query({ tab: "dismissed" }), TODAY)).rows.map((row) => row.id)).toEqual([ids.richDismissed]);
  });

  it("filters by band, motive, family, province, channel and client id text", async () => {
    const byMotive = await getInboxPage(t.db, madrid, query({ motive: "CHURN_RISK" }), TODAY);
    expect(byMotive.total).toBe(13);
    expect(byMotive.rows.every((row) => row.motive === "CHURN_RISK")).toBe(true);
    expect(byMotive.tabCounts.snoozed).toBe(0);

    const byFamily = await getInboxPage(t.db, madrid, query({ family: "C2" }), TODAY);
    expect(byFamily.rows.every((row) => row.familyCode === "C2")).toBe(true);
    expect(byFamily.total).toBe(12);

    const byChannel = await getInboxPage(t.db, madrid, query({ channel: "TELESALES" }), TODAY);
    expect(byChannel.total).toBe(12);

    const high = await getInboxPage(t.db, madrid, query({ band: "HIGH" }), TODAY);
    expect(high.rows.every((row) => row.priorityBand === "HIGH")).toBe(true);
    expect(high.total).toBe(madridOpen.filter((alert) => alert.score >= 0.7).length + 1);

    const text = await getInboxPage(t.db, madrid, query({ q: "2810" }), TODAY);
    expect(text.total).toBe(30); // 28100…28109
    expect((await getInboxPage(t.db, madrid, query({ q: "%" }), TODAY)).total).toBe(0); // LIKE wildcards are literal

    expect((await getInboxPage(t.db, madrid, query({ province: "08" }), TODAY)).total).toBe(0);
    expect((await getInboxPage(t.db, madrid, query({ province: "28", family: "T1", motive: "CHURN_RISK", band: "HIGH" }), TODAY)).rows.every((row) => row.familyCode === "T1")).toBe(true);
  });

  it("sorts by priority (default), € at stake and contact window", async () => {
    const ordered = async (sort: InboxQuery["sort"]) => {
      const rows = [];
      for (const page of [1, 2]) rows.push(...(await getInboxPage(t.db, madrid, query({ sort, page, q: "2810" }), TODAY)).rows);
      return rows;
    };
    const byPriority = await ordered("priority");
    expect(byPriority.map((row) => row.priorityScore)).toEqual([...byPriority.map((row) => row.priorityScore)].sort((a, b) => b - a));
    const byImpact = await ordered("impact");
    expect(byImpact.map((row) => row.expectedImpact)).toEqual([...byImpact.map((row) => row.expectedImpact)].sort((a, b) => b - a));
    const byWindow = await ordered("window");
    expect(byWindow.map((row) => row.contactUntil)).toEqual([...byWindow.map((row) => row.contactUntil)].sort());
  });

  it("paginates with a total, without overlaps or gaps", async () => {
    const first = await getInboxPage(t.db, madrid, query({ page: 1 }), TODAY);
    const second = await getInboxPage(t.db, madrid, query({ page: 2 }), TODAY);
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(13);
    expect(first.pages).toBe(2);
    const seen = new Set([...first.rows, ...second.rows].map((row) => row.id));
    expect(seen.size).toBe(38);
    expect((await getInboxPage(t.db, madrid, query({ page: 3 }), TODAY)).rows).toHaveLength(0);
  });

  it("merges open and due snoozed alerts into one order across pages, for every sort", async () => {
    // Some open alerts, spread over the order, snoozed until a day that has come (pending) or not.
    const due = madridOpen.filter((_, i) => i % 7 === 3).map((alert) => alert.id);
    const later = madridOpen.filter((_, i) => i % 11 === 5).map((alert) => alert.id);
    await t.db.alert.updateMany({ where: { id: { in: due } }, data: { status: "SNOOZED", snoozedUntil: new Date(`${addDays(TODAY, -2)}T00:00:00Z`) } });
    await t.db.alert.updateMany({ where: { id: { in: later } }, data: { status: "SNOOZED", snoozedUntil: new Date(`${addDays(TODAY, 2)}T00:00:00Z`) } });
    try {
      const pending = (
        await t.db.alert.findMany({
          where: { delegateId: madrid.delegateId!, heldOut: false, OR: [{ status: "OPEN" }, { status: "SNOOZED", snoozedUntil: { lte: new Date(`${TODAY}T00:00:00Z`) } }] },
          select: { id: true, priorityScore: true, expectedImpact: true, contactUntil: true },
        })
      ).map((a) => ({ ...a, until: a.contactUntil.toISOString().slice(0, 10) }));
      type Pending = (typeof pending)[number];
      const byPriority = (a: Pending, b: Pending) => b.priorityScore - a.priorityScore || b.id - a.id;
      const orders: Record<InboxQuery["sort"], (a: Pending, b: Pending) => number> = {
        priority: byPriority,
        impact: (a, b) => b.expectedImpact - a.expectedImpact || byPriority(a, b),
        window: (a, b) => a.until.localeCompare(b.until) || byPriority(a, b),
      };
      expect(pending.length).toBe(38 - later.length);
      for (const [sort, order] of Object.entries(orders) as [InboxQuery["sort"], typeof byPriority][]) {
        const pages = [];
        for (const page of [1, 2]) pages.push(...(await getInboxPage(pool, madrid, query({ sort, page }), TODAY)).rows.map((row) => row.id));
        expect(pages).toEqual([...pending].sort(order).map((a) => a.id));
      }
    } finally {
      await t.db.alert.updateMany({ where: { id: { in: [...due, ...later] } }, data: { status: "OPEN", snoozedUntil: null } });
    }
  });

  it("shows the engine's daily plan on its own, with what became of it in every tab", async () => {
    const none = await getInboxPage(pool, madrid, query({ plan: true }), TODAY);
    expect(none.planDay).toBeNull();
    expect(none.total).toBe(0);
    // The alert step's capacity: each delegate's top 5 eligible alerts of the day are stamped as shown.
    await markShownAlerts(t.db, TODAY, 5);
    const planned = (await listShownAlerts(t.db, { delegateId: madrid.delegateId! })).map((alert) => alert.id);
    expect(planned).toHaveLength(5);
    const attended = planned[2]!;
    try {
      const plan = await getInboxPage(pool, madrid, query({ plan: true }), TODAY);
      expect(plan.planDay).toBe(TODAY);
      expect((await getInboxPage(pool, madrid, query(), TODAY)).planDay).toBeNull(); // only read for the plan view
      expect(plan.rows.map((row) => row.id)).toEqual(planned);
      expect(plan.tabCounts).toEqual({ pending: 5, attended: 0, dismissed: 0, snoozed: 0 });
      // Attended from the plan: it leaves the plan's Pendientes and shows in the plan's Atendidas.
      await t.db.alert.update({ where: { id: attended }, data: { status: "ATTENDED", openKey: null, closedAt: new Date() } });
      const after = await getInboxPage(pool, madrid, query({ plan: true }), TODAY);
      expect(after.rows.map((row) => row.id)).toEqual(planned.filter((id) => id !== attended));
      expect(after.tabCounts).toMatchObject({ pending: 4, attended: 1 });
      expect((await getInboxPage(pool, madrid, query({ plan: true, tab: "attended" }), TODAY)).rows.map((row) => row.id)).toEqual([attended]);
      // Filters narrow the plan like the rest of the inbox; another delegate's plan is theirs alone.
      const motive = plan.rows[0]!.motive;
      expect((await getInboxPage(pool, madrid, query({ plan: true, motive }), TODAY)).rows.every((row) => row.motive === motive)).toBe(true);
      expect((await getInboxPage(pool, barcelona, query({ plan: true }), TODAY)).rows.map((row) => row.id)).toEqual([ids.barcelonaAlert]);
      // The Prisma path answers the same.
      expect(await getInboxPage(t.db, madrid, query({ plan: true }), TODAY)).toEqual(after);
    } finally {
      const alert = await t.db.alert.findUniqueOrThrow({ where: { id: attended }, select: { clientId: true, familyCode: true, motive: true } });
      const openKey = `${alert.clientId}:${alert.familyCode}:${alert.motive}`;
      await t.db.alert.update({ where: { id: attended }, data: { status: "OPEN", openKey, closedAt: null } });
    }
  });

  it("carries the top reason in business language", async () => {
    const page = await getInboxPage(t.db, madrid, query({ q: "280001", motive: "CHURN_RISK" }), TODAY);
    expect(page.rows[0]!.topReason).toBe("Lleva 75 días sin comprar T1, 2,5 veces su ritmo habitual");
  });
});

describe("the web server's path (node-postgres pool, named prepared statements)", () => {
  it("answers exactly as the Prisma path, for every tab, sort, filter and actor", async () => {
    const queries = [
      query(),
      query({ page: 2 }),
      query({ tab: "attended" }),
      query({ tab: "dismissed" }),
      query({ tab: "snoozed" }),
      query({ sort: "impact" }),
      query({ sort: "window", page: 2 }),
      query({ band: "HIGH", motive: "CHURN_RISK" }),
      query({ family: "C2", channel: "FIELD_VISIT", province: "28" }),
      query({ q: "2810" }),
    ];
    for (const actor of [madrid, barcelona]) {
      for (const q of queries) {
        // Twice on the pool: the second run executes the already prepared statement.
        for (let run = 0; run < 2; run++) expect(await getInboxPage(pool, actor, q, TODAY)).toEqual(await getInboxPage(t.db, actor, q, TODAY));
      }
    }
    for (const actor of [madrid, barcelona, centro, este, admin]) {
      for (const id of [ids.richChurn!, ids.richSnoozedPast!, ids.barcelonaAlert!, ids.richHeldOut!]) {
        expect(await getAlertDetail(pool, actor, id, TODAY)).toEqual(await getAlertDetail(t.db, actor, id, TODAY));
      }
      expect(await loadActor(pool, actor.userId)).toEqual(actor);
    }
  });

  it("brings the territory and the families with the page", async () => {
    const page = await getInboxPage(pool, madrid, query(), TODAY);
    const madridClients = await t.db.client.count({ where: { provinceCode: "28" } });
    expect(page.territory).toEqual([{ code: "28", name: "Madrid", clients: madridClients }]);
    expect(page.families.map((family) => family.code)).toEqual(["C1", "C2", "T1", "T2"]);
  });
});

describe("inbox query in the URL", () => {
  it("drops unknown values instead of failing, and writes only what differs from the defaults", () => {
    const parsed = parseInboxQuery({ tab: "nope", band: "HIGH", motive: "DROP TABLE", family: "t1", province: "2", sort: "impact", page: "-4", q: "  ", plan: "yes" });
    expect(parsed).toMatchObject({ tab: "pending", band: "HIGH", motive: null, family: "T1", province: null, sort: "impact", page: 1, q: null, plan: false });
    expect(parseInboxQuery({ plan: "today" }).plan).toBe(true);
    expect(inboxHref(parsed, { plan: true })).toBe("/inbox?band=HIGH&family=T1&plan=today&sort=impact");
    expect(inboxHref(parsed)).toBe("/inbox?band=HIGH&family=T1&sort=impact");
    expect(inboxHref(parsed, { page: 3, tab: "snoozed" })).toBe("/inbox?tab=snoozed&band=HIGH&family=T1&sort=impact&page=3");
    expect(inboxHref(parseInboxQuery({}))).toBe("/inbox");
  });
});

describe("alert detail", () => {
  it("gives the delegate history, context, other open alerts and the action history", async () => {
    const detail = await getAlertDetail(t.db, madrid, ids.richChurn, TODAY);
    expect(detail).not.toBeNull();
    const { alert, history, context, otherOpenAlerts, events, reasons, trace } = detail!;
    expect(alert).toMatchObject({ clientExternalId: "280001", familyCode: "T1", familyBlock: "TECHNICAL", motive: "CHURN_RISK", status: "OPEN", version: 1 });
    expect(history).toHaveLength(24);
    expect(history.at(-1)!.month).toBe("2026-03");
    expect(history.some((month) => month.returns > 0)).toBe(true);
    // The last purchase was 75 days before the as-of date; rhythm = 30 days.
    expect(context.daysSinceLastPurchase).toBe(75);
    expect(context.usualGapDays).toBe(30);
    expect(context.potential).toBe(12000);
    expect(context.segment).toBe("TECHNICAL");
    expect(context.purchases12m).toBeGreaterThan(0);
    expect(context.returns12m).toBeGreaterThan(0);
    // Pending siblings only (the elapsed snooze counts, the attended/dismissed/expired/held-out ones do not).
    expect(otherOpenAlerts.map((other) => other.id).sort()).toEqual([ids.richSnoozedFuture, ids.richSnoozedPast].sort());
    expect(events.map((event) => event.type)).toEqual(["CREATED"]);
    expect(reasons[0]!.text).toContain("Lleva 75 días");
    expect(reasons[1]!.weight).toBe(0.41);
    expect(trace.steps[0]).toEqual({ rule: "Silencio frente a su ritmo (veces)", detail: "2,5 ≥ 1,8", passed: true });
    expect(trace.steps[1]).toEqual({ rule: "Probabilidad de abandono a 90 días", detail: "0,72 ≥ 0,6", passed: true });
    expect(trace.steps[2]).toEqual({ rule: "Recent campaign pull forward", detail: "no = sí", passed: false });
    expect(trace.facts).toContainEqual({ label: "Potencial anual", value: "12.000 €" });
    expect(trace.facts.find((fact) => fact.label === "Regla de canal")?.value).toContain("llamada del delegado");
  });

  it("is readable by the region's manager and the admin, and by nobody else", async () => {
    expect(await getAlertDetail(t.db, centro, ids.richChurn, TODAY)).not.toBeNull();
    expect(await getAlertDetail(t.db, admin, ids.richChurn, TODAY)).not.toBeNull();
    expect(await getAlertDetail(t.db, barcelona, ids.richChurn, TODAY)).toBeNull();
    expect(await getAlertDetail(t.db, este, ids.richChurn, TODAY)).toBeNull();
    expect(await getAlertDetail(t.db, este, ids.barcelonaAlert, TODAY)).not.toBeNull();
  });

  it("never shows a control-group alert, not even to the admin", async () => {
    expect(await getAlertDetail(t.db, madrid, ids.richHeldOut, TODAY)).toBeNull();
    expect(await getAlertDetail(t.db, admin, ids.richHeldOut, TODAY)).toBeNull();
    expect(await getAlertDetail(t.db, admin, 987654, TODAY)).toBeNull();
  });
});

describe("reasons and trace reader", () => {
  it("reads strings, objects and wrapped lists, and survives junk", () => {
    expect(readAlertReasons(["Una razón", "  "])).toEqual([{ code: null, text: "Una razón", weight: null }]);
    expect(readAlertReasons({ reasons: [{ code: "recency_days", contribution: 0.3 }] })).toEqual([{ code: "recency_days", text: "Recency days", weight: 0.3 }]);
    expect(readAlertReasons(42)).toEqual([]);
    expect(readAlertTrace(null)).toEqual({ steps: [], facts: [] });
    expect(readAlertTrace({ rules: [{ rule: "gap", passed: false, condition: "x > 3" }], model: "v2" })).toEqual({
      steps: [{ rule: "gap", detail: "x > 3", passed: false }],
      facts: [{ label: "Model", value: "v2" }],
    });
  });
});
