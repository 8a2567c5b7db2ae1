// Users (hashed initial passwords and their rules, role changes with their guards, deactivation) and
// alert settings (thresholds validated with field errors, per-delegate capacity, the channel rules).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../lib/auth/authenticate";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { verifyPassword } from "../../lib/auth/password";
import { DEFAULT_CHANNEL_RULES, loadAlertSettings, loadChannelRules, matchChannelRule, seedChannelRules } from "../../lib/alerts";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let admin: Actor;
let users: typeof import("../../lib/actions/admin/user-commands");
let settings: typeof import("../../lib/actions/admin/settings-commands");

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await seedDemoTeam(t.db);
  const user = await t.db.user.findUniqueOrThrow({ where: { email: "admin@demo.sds" }, select: { id: true } });
  admin = (await loadActor(t.db, user.id))!;
  users = await import("../../lib/actions/admin/user-commands");
  settings = await import("../../lib/actions/admin/settings-commands");
});
afterAll(() => t.drop());

const userId = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

describe("users", () => {
  it("creates a user whose initial password is stored hashed and lets them sign in", async () => {
    const input = users.createUserInput.parse({ email: " Nueva.Delegada@Demo.sds ", name: "Nerea Nueva", role: "DELEGATE", password: "primavera2025" });
    const { id } = await users.createUserCommand(t.db, admin, input);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id }, select: { email: true, passwordHash: true, role: true, delegate: { select: { id: true } } } });
    expect(stored.email).toBe("nueva.delegada@demo.sds");
    expect(stored.passwordHash).not.toContain("primavera2025");
    expect(await verifyPassword("primavera2025", stored.passwordHash)).toBe(true);
    expect(stored.delegate).not.toBeNull();
    expect(await authenticate(t.db, { email: "nueva.delegada@demo.sds", password: "primavera2025", ip: "10.0.0.1" })).toMatchObject({ ok: true });
    await expect(users.createUserCommand(t.db, admin, input)).rejects.toThrow("Ya existe un usuario con ese correo.");
  });

  it("enforces the password rules", () => {
    const attempt = (password: string, email = "x.y@demo.sds") => users.createUserInput.safeParse({ email, name: "Xy", role: "MANAGER", password });
    expect(attempt("corta1").success).toBe(false);
    expect(attempt("solamenteletras").success).toBe(false);
    expect(attempt("1234567890123").success).toBe(false);
    expect(attempt("gerente.sur2025", "gerente.sur@demo.sds").success).toBe(false);
    expect(attempt("verano-de-2025").success).toBe(true);
    const failed = attempt("corta1");
    expect(failed.success || failed.error.issues[0]?.path).toEqual(["password"]);
  });

  it("changes roles with their guards: not oneself, not the last admin, not a delegate who still has provinces", async () => {
    await expect(users.changeUserRoleCommand(t.db, admin, { userId: admin.userId, role: "MANAGER" })).rejects.toThrow("propio perfil");
    const madrid = await userId("delegado.madrid@demo.sds");
    await expect(users.changeUserRoleCommand(t.db, admin, { userId: madrid, role: "MANAGER" })).rejects.toThrow("provincia(s)");
    await expect(users.setUserActiveCommand(t.db, admin, { userId: madrid, active: false })).rejects.toThrow("provincia(s)");

    // A manager becoming a delegate loses regions and team, and gets a delegate record.
    const norte = await userId("gerente.norte@demo.sds");
    await users.changeUserRoleCommand(t.db, admin, { userId: norte, role: "DELEGATE" });
    expect(await t.db.managerRegion.count({ where: { userId: norte } })).toBe(0);
    expect(await t.db.delegate.count({ where: { managerId: norte } })).toBe(0);
    expect((await loadActor(t.db, norte))).toMatchObject({ role: "DELEGATE", regionCodes: [] });
    expect((await loadActor(t.db, norte))?.delegateId).not.toBeNull();

    // Another admin can be demoted while one remains; the last one cannot be removed by anyone else either.
    const second = await users.createUserCommand(t.db, admin, users.createUserInput.parse({ email: "admin2@demo.sds", name: "Segundo", role: "ADMIN", password: "segundo-admin-1" }));
    const secondActor = (await loadActor(t.db, second.id))!;
    await users.setUserActiveCommand(t.db, admin, { userId: second.id, active: false });
    await expect(users.setUserActiveCommand(t.db, secondActor, { userId: admin.userId, active: false })).rejects.toThrow("otro administrador activo");
    await users.setUserActiveCommand(t.db, admin, { userId: second.id, active: true });
    await users.changeUserRoleCommand(t.db, secondActor, { userId: admin.userId, role: "MANAGER" });
    await expect(users.changeUserRoleCommand(t.db, admin, { userId: second.id, role: "MANAGER" })).rejects.toThrow();
    await users.changeUserRoleCommand(t.db, secondActor, { userId: admin.userId, role: "ADMIN" });
  });

  it("deactivation takes effect at once; a new password lifts a lock-out", async () => {
    const id = await userId("gerente.este@demo.sds");
    await users.setUserActiveCommand(t.db, admin, { userId: id, active: false });
    expect(await loadActor(t.db, id)).toBeNull();
    await users.setUserActiveCommand(t.db, admin, { userId: id, active: true });
    for (let i = 0; i < 6; i++) await authenticate(t.db, { email: "gerente.este@demo.sds", password: `wrong-${i}`, ip: `10.1.0.${i}` });
    expect(await authenticate(t.db, { email: "gerente.este@demo.sds", password: "demo1234", ip: "10.2.0.1" })).toMatchObject({ ok: false, reason: "blocked" });
    await users.resetUserPasswordCommand(t.db, admin, { userId: id, password: "otoño-nuevo-7" });
    expect(await authenticate(t.db, { email: "gerente.este@demo.sds", password: "otoño-nuevo-7", ip: "10.2.0.1" })).toMatchObject({ ok: true });
  });
});

describe("alert settings", () => {
  it("saves thresholds, and returns saveAlertSettings' field errors without storing anything", async () => {
    const input = settings.saveAlertSettingsInput.parse({ dailyCapacity: 20, controlShare: 0.1, "capture.minGap": 1500 });
    expect(await settings.saveAlertSettingsCommand(t.db, admin, input)).toEqual({ saved: 3 });
    const saved = await loadAlertSettings(t.db);
    expect(saved).toMatchObject({ dailyCapacity: 20, controlShare: 0.1, capture: { minGap: 1500 } });

    const crossField = settings.saveAlertSettingsInput.parse({ "priorityBands.mediumMin": 5000 });
    const error = await settings.saveAlertSettingsCommand(t.db, admin, crossField).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(settings.FieldErrorsError);
    expect((error as InstanceType<typeof settings.FieldErrorsError>).fieldErrors).toEqual({ "priorityBands.mediumMin": ["Debe ser menor o igual que highMin"] });
    expect((await loadAlertSettings(t.db)).priorityBands.mediumMin).toBe(250);

    const outOfRange = settings.saveAlertSettingsInput.safeParse({ controlShare: 1.5, dailyCapacity: 2.5 });
    expect(outOfRange.success).toBe(false);
    expect(outOfRange.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["dailyCapacity", "Debe ser un número entero."],
      ["controlShare", "Como máximo 1."],
    ]);
  });

  it("overrides and clears a delegate's daily capacity", async () => {
    const delegate = await t.db.delegate.findFirstOrThrow({ where: { user: { email: "delegado.madrid@demo.sds" } }, select: { id: true } });
    await settings.setDelegateCapacityCommand(t.db, admin, { delegateId: delegate.id, dailyCapacity: 8 });
    expect((await t.db.delegate.findUniqueOrThrow({ where: { id: delegate.id } })).dailyCapacity).toBe(8);
    await settings.setDelegateCapacityCommand(t.db, admin, { delegateId: delegate.id, dailyCapacity: null });
    expect((await t.db.delegate.findUniqueOrThrow({ where: { id: delegate.id } })).dailyCapacity).toBeNull();
    expect(settings.setDelegateCapacityInput.safeParse({ delegateId: delegate.id, dailyCapacity: 0 }).success).toBe(false);
  });

  it("edits the channel rule table in place: kept rows keep their id, removed rows go, new rows come", async () => {
    await seedChannelRules(t.db);
    const rules = await loadChannelRules(t.db);
    expect(rules).toHaveLength(DEFAULT_CHANNEL_RULES.length);
    const [first, second] = rules;
    const input = settings.saveChannelRulesInput.parse({
      rules: [
        { ...first!, responseDays: 2, description: "Abandono alto: visita en 2 días." },
        { ...second! },
        { id: null, position: 1000, motive: null, priorityBand: null, minImpact: null, channel: "TELESALES", responseDays: 9, description: "Resto: televenta." },
      ],
    });
    expect(await settings.saveChannelRulesCommand(t.db, admin, input)).toEqual({ rules: 3, missingCatchAll: false });
    const after = await loadChannelRules(t.db);
    expect(after.map((r) => r.id).slice(0, 2)).toEqual([first!.id, second!.id]);
    expect(after[0]).toMatchObject({ responseDays: 2, description: "Abandono alto: visita en 2 días." });
    expect(matchChannelRule(after, { motive: "REPLENISHMENT", priorityBand: "LOW", expectedImpact: 10 })).toMatchObject({ responseDays: 9 });

    const duplicate = settings.saveChannelRulesInput.safeParse({ rules: [{ ...after[0]! }, { ...after[1]!, position: after[0]!.position }] });
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]).toMatchObject({ path: ["rules", 1, "position"], message: "Posición repetida." });
    const bad = settings.saveChannelRulesInput.safeParse({ rules: [{ ...after[0]!, responseDays: -1, description: "" }] });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["rules.0.responseDays", "rules.0.description"]);

    const noCatchAll = settings.saveChannelRulesInput.parse({ rules: [after[0]!] });
    expect(await settings.saveChannelRulesCommand(t.db, admin, noCatchAll)).toEqual({ rules: 1, missingCatchAll: true });
    expect(await t.db.channelRule.count()).toBe(1);
  });
});
