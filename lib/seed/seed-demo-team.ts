// Creates the demo team (idempotent: existing users keep their passwords and edits).
import type { Db } from "@/lib/db/prisma";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ADMIN, DEMO_DELEGATES, DEMO_MANAGERS, DEMO_PASSWORD } from "@/lib/seed/demo-team";

export async function seedDemoTeam(db: Db): Promise<{ created: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      let created = 0;
      const ensureUser = async (email: string, name: string, role: "ADMIN" | "MANAGER" | "DELEGATE") => {
        const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
        if (existing) return existing.id;
        created++;
        return (await tx.user.create({ data: { email, name, role, passwordHash }, select: { id: true } })).id;
      };

      await ensureUser(DEMO_ADMIN.email, DEMO_ADMIN.name, "ADMIN");
      const managerIds = new Map<string, number>();
      for (const manager of DEMO_MANAGERS) {
        const userId = await ensureUser(manager.email, manager.name, "MANAGER");
        managerIds.set(manager.key, userId);
        await tx.managerRegion.createMany({
          data: manager.regionCodes.map((regionCode) => ({ userId, regionCode })),
          skipDuplicates: true,
        });
      }
      for (const delegate of DEMO_DELEGATES) {
        const userId = await ensureUser(delegate.email, delegate.name, "DELEGATE");
        const row = await tx.delegate.upsert({
          where: { userId },
          create: { userId, managerId: managerIds.get(delegate.manager) ?? null },
          update: {},
          select: { id: true },
        });
        // Only claim provinces nobody owns yet: an admin's later reassignment wins.
        await tx.province.updateMany({
          where: { code: { in: delegate.provinceCodes }, delegateId: null },
          data: { delegateId: row.id },
        });
      }
      return { created };
    },
    { timeout: 30_000 },
  );
}
