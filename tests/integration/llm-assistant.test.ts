// The AI panel's server side against the REAL @google/generative-ai SDK, pointed at a fake Gemini
// HTTP server started here on 127.0.0.1 — and a real PostgreSQL for the cache and the rate limit.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { createPrismaClient } from "../../lib/db/prisma";
import { AlertQuestionNotFoundError, answerAlertQuestion, LlmRateLimitedError } from "../../lib/llm/answer-alert-question";
import { consumeLlmQuota, llmThrottleKey } from "../../lib/llm/llm-rate-limit";
import type { LlmSettings } from "../../lib/llm/llm-settings";
import { PROMPT_VERSION } from "../../lib/llm/prompt";
import { madridToday } from "../../lib/data/inbox/madrid-today";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { addDays, seedAlert, seedPotential, seedSalesRhythm, seedScore } from "../helpers/seed-alerts";

type Behaviour = "ok" | "hang" | 500 | 503 | 429;

interface SeenRequest {
  method: string;
  url: string;
  apiKey: string | undefined;
  body: string;
}

/** A stand-in for generativelanguage.googleapis.com: answers each request with the next queued behaviour ("ok" when none is left). */
class FakeGemini {
  readonly requests: SeenRequest[] = [];
  private queue: Behaviour[] = [];
  private server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      this.requests.push({ method: request.method ?? "", url: request.url ?? "", apiKey: request.headers["x-goog-api-key"] as string | undefined, body });
      const behaviour = this.queue.shift() ?? "ok";
      if (behaviour === "hang") return; // never answers: the client's timeout must fire
      if (typeof behaviour === "number") {
        response.writeHead(behaviour, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { code: behaviour, message: behaviour === 429 ? "Resource exhausted" : "Internal error", status: behaviour === 429 ? "RESOURCE_EXHAUSTED" : "INTERNAL" } }));
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          candidates: [{ content: { role: "model", parts: [{ text: `**Respuesta de prueba ${this.requests.length}**: llama esta semana.` }] }, finishReason: "STOP", index: 0 }],
          usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 8, totalTokenCount: 18 },
        }),
      );
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  then(...behaviours: Behaviour[]): void {
    this.queue.push(...behaviours);
  }

  reset(): void {
    this.queue = [];
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const fake = new FakeGemini();
let t: TestDatabase;
let settings: LlmSettings;
let madrid: Actor, barcelona: Actor, centro: Actor;
const ids: Record<string, number> = {};
const AS_OF = addDays(madridToday(), -1);

async function actorFor(email: string): Promise<Actor> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(t.db, user.id))!;
}

beforeAll(async () => {
  const baseUrl = await fake.start();
  settings = { apiKey: "test-key-123", model: "gemini-test", baseUrl, timeoutMs: 2_000, retries: 2, backoffMs: 10 };
  t = await createTestDatabase();
  await seedDemoTeam(t.db);
  madrid = await actorFor("delegado.madrid@demo.sds");
  barcelona = await actorFor("delegado.barcelona@demo.sds");
  centro = await actorFor("gerente.centro@demo.sds");
  const client = await t.db.client.create({ data: { externalId: "280777", postalCode: "28039", provinceCode: "28" }, select: { id: true } });
  await seedSalesRhythm(t.db, { clientId: client.id, familyCode: "T1", from: addDays(AS_OF, -75 - 30 * 20), until: addDays(AS_OF, -75), everyDays: 30, value: 420 });
  await seedScore(t.db, { clientId: client.id, familyCode: "T1", asOf: AS_OF, segment: "TECHNICAL", shareOfWallet: 0.35, pChurn90d: 0.72 });
  await seedPotential(t.db, client.id, "T1", 12000);
  for (const [name, motive, family] of [
    ["churn", "CHURN_RISK", "T1"],
    ["replenish", "REPLENISHMENT", "C1"],
    ["capture", "CAPTURE", "C2"],
    ["deterioration", "DETERIORATION", "T2"],
    ["reactivation", "REACTIVATION", "C1"],
  ] as const) {
    ids[name] = (await seedAlert(t.db, { clientId: client.id, familyCode: family, motive, asOf: AS_OF, band: "HIGH", expectedImpact: 4200, conversionProbability: 0.45 })).id;
  }
  // Notes can name people: they must never reach the model.
  await t.db.alertEvent.create({ data: { alertId: ids.churn!, type: "SNOOZED", userId: madrid.userId, payload: { notes: "Habló con la Dra. Pilar Secreta" } } });
});
afterEach(() => fake.reset());
afterAll(async () => {
  await fake.stop();
  await t.drop();
});

describe("Gemini through the real SDK", () => {
  it("sends the alert's features and reasons, nothing personal, and caches the answer", async () => {
    const first = await answerAlertQuestion(t.db, madrid, { alertId: ids.churn!, kind: "why_now" }, { llm: settings });
    expect(first).toMatchObject({ source: "gemini", model: "gemini-test", cached: false, promptVersion: PROMPT_VERSION });
    expect(first.answer).toBe("Respuesta de prueba 1: llama esta semana.");

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/v1beta/models/gemini-test:generateContent");
    expect(request!.apiKey).toBe("test-key-123");
    const body = JSON.parse(request!.body) as { contents: { parts: { text: string }[] }[]; systemInstruction: unknown };
    const prompt = body.contents[0]!.parts[0]!.text;
    expect(prompt).toContain("Lleva 75 días sin comprar T1"); // the alert's reason
    expect(prompt).toContain('"clientId":"280777"');
    expect(prompt).toContain('"motive":"CHURN_RISK"');
    expect(prompt).toContain('"potentialYearly":12000');
    expect(body.systemInstruction).toBeTruthy();
    for (const forbidden of ["28039", "Madrid", "delegado.madrid", "Marta", "Pilar Secreta", "postal", "email", "test-key-123"]) {
      expect(request!.body).not.toContain(forbidden);
    }

    const second = await answerAlertQuestion(t.db, madrid, { alertId: ids.churn!, kind: "why_now" }, { llm: settings });
    expect(second).toMatchObject({ source: "gemini", cached: true, answer: first.answer });
    expect(fake.requests).toHaveLength(1);
    // Another person in scope asking the same thing gets the same cached answer.
    expect((await answerAlertQuestion(t.db, centro, { alertId: ids.churn!, kind: "why_now" }, { llm: settings })).cached).toBe(true);

    const rows = await t.db.llmResponse.findMany({ where: { alertId: ids.churn! } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ promptVersion: PROMPT_VERSION, model: "gemini-test", source: "gemini" });
    expect(rows[0]!.questionHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("treats case and spacing variants of a free question as the same question", async () => {
    const a = await answerAlertQuestion(t.db, madrid, { alertId: ids.replenish!, kind: "free", question: "¿Qué  le ofrezco?" }, { llm: settings });
    const b = await answerAlertQuestion(t.db, madrid, { alertId: ids.replenish!, kind: "free", question: " ¿qué le ofrezco? " }, { llm: settings });
    expect(a.cached).toBe(false);
    expect(b.cached).toBe(true);
    expect(fake.requests).toHaveLength(1);
  });

  it("retries 5xx with backoff and then succeeds", async () => {
    fake.then(500, 503);
    const answer = await answerAlertQuestion(t.db, madrid, { alertId: ids.capture!, kind: "approach" }, { llm: settings });
    expect(answer.source).toBe("gemini");
    expect(fake.requests).toHaveLength(3);
  });

  it("retries a 429", async () => {
    fake.then(429);
    const answer = await answerAlertQuestion(t.db, madrid, { alertId: ids.deterioration!, kind: "approach" }, { llm: settings });
    expect(answer.source).toBe("gemini");
    expect(fake.requests).toHaveLength(2);
  });

  it("falls back to the deterministic explanation after the retries are spent, and does not cache it", async () => {
    fake.then(500, 500, 500);
    const answer = await answerAlertQuestion(t.db, madrid, { alertId: ids.reactivation!, kind: "why_now" }, { llm: settings });
    expect(answer).toMatchObject({ source: "fallback", model: null, cached: false });
    expect(answer.answer).toContain("Enfoque recomendado");
    expect(fake.requests).toHaveLength(3);
    expect(await t.db.llmResponse.count({ where: { alertId: ids.reactivation! } })).toBe(0);
  });

  it("gives up on a hanging call at the timeout, without retrying it", async () => {
    fake.then("hang");
    const started = Date.now();
    const answer = await answerAlertQuestion(t.db, madrid, { alertId: ids.reactivation!, kind: "approach" }, { llm: { ...settings, timeoutMs: 300 } });
    expect(answer.source).toBe("fallback");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("without a key", () => {
  it("answers with a deterministic Spanish explanation that reads well on its own", async () => {
    const answer = await answerAlertQuestion(t.db, madrid, { alertId: ids.churn!, kind: "why_now" }, { llm: null });
    expect(answer).toMatchObject({ source: "fallback", model: null, cached: false });
    const text = answer.answer;
    expect(text).toMatch(/^El cliente 280777 puede estar dejándonos/);
    expect(text).toContain("El cliente 280777 puede estar dejándonos en la Familia T1.");
    expect(text).toContain("Lleva 75 días sin comprar productos de la familia");
    expect(text).toContain("una compra cada 30 días");
    expect(text).toContain("72 %");
    expect(text).toContain("Hay 4.200 € en juego");
    expect(text).toContain("• Lleva 75 días sin comprar T1, 2,5 veces su ritmo habitual.");
    expect(text).toContain("Enfoque recomendado");
    expect(text).toContain("llamada del delegado");
    expect(fake.requests).toHaveLength(0);
    for (const kind of ["why_now", "approach", "free"] as const) {
      for (const name of ["churn", "replenish", "capture", "deterioration", "reactivation"]) {
        const { answer: explanation } = await answerAlertQuestion(t.db, madrid, { alertId: ids[name]!, kind, question: "¿Y ahora qué?" }, { llm: null });
        expect(explanation).not.toMatch(/undefined|null|NaN|\[object/);
        expect(explanation.length).toBeGreaterThan(150);
      }
    }
  });
});

describe("scope and rate limit", () => {
  it("a delegate cannot ask about another delegate's alert (and nothing is sent)", async () => {
    await expect(answerAlertQuestion(t.db, barcelona, { alertId: ids.churn!, kind: "why_now" }, { llm: settings })).rejects.toBeInstanceOf(AlertQuestionNotFoundError);
    expect(fake.requests).toHaveLength(0);
  });

  it("limits questions per user, counting only those that were not in the cache, across connections", async () => {
    const limit = { questions: 3, windowMinutes: 10 };
    await t.db.loginThrottle.deleteMany({ where: { key: llmThrottleKey(centro.userId) } });
    for (let n = 0; n < 3; n++) {
      await answerAlertQuestion(t.db, centro, { alertId: ids.capture!, kind: "free", question: `Pregunta número ${n}` }, { llm: settings, rateLimit: limit });
    }
    // Cached: free.
    await answerAlertQuestion(t.db, centro, { alertId: ids.capture!, kind: "free", question: "Pregunta número 0" }, { llm: settings, rateLimit: limit });
    const refused = await answerAlertQuestion(t.db, centro, { alertId: ids.capture!, kind: "free", question: "Otra más" }, { llm: settings, rateLimit: limit }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LlmRateLimitedError);
    expect((refused as LlmRateLimitedError).resetsAt.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(fake.requests).toHaveLength(3);

    // Another process (its own connection pool) sees the same count.
    const other = createPrismaClient(t.url, { max: 1 });
    try {
      expect((await consumeLlmQuota(other, centro.userId, limit)).allowed).toBe(false);
      expect((await consumeLlmQuota(other, madrid.userId + 1000, limit)).allowed).toBe(true);
    } finally {
      await other.$disconnect();
    }
    // When the window is over, questions are allowed again.
    await t.db.$executeRaw`UPDATE login_throttle SET window_start = window_start - interval '11 minutes' WHERE key = ${llmThrottleKey(centro.userId)}`;
    expect((await consumeLlmQuota(t.db, centro.userId, limit)).allowed).toBe(true);
  });

  it("never lets two concurrent questions both slip under the limit", async () => {
    const limit = { questions: 5, windowMinutes: 10 };
    const userId = 424242;
    const decisions = await Promise.all(Array.from({ length: 12 }, () => consumeLlmQuota(t.db, userId, limit)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
  });
});
