import "server-only";
// Users: create (with an initial password, hashed), change role, deactivate or reactivate, set a new
// password. Guards: an admin cannot demote or deactivate themself, the last active admin stays, and a
// delegate keeps their role and access until their provinces have been handed to someone else (their
// open alerts would otherwise belong to nobody).
import { z } from "zod";
import { ActionError } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/auth/load-actor";
import { accountKey } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";
import type { Db, DbTx } from "@/lib/db/prisma";

export const PASSWORD_RULES = "Al menos 10 caracteres, con letras y números.";

export const passwordSchema = z
  .string()
  .min(10, "La contraseña debe tener al menos 10 caracteres.")
  .max(200, "La contraseña es demasiado larga.")
  .regex(/\p{L}/u, "La contraseña debe incluir alguna letra.")
  .regex(/\d/, "La contraseña debe incluir algún número.");

const userId = z.number().int().positive();
const role = z.enum(ROLES, { error: "Elige un perfil." });

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email("Correo electrónico no válido.").max(200),
    name: z.string().trim().min(2, "Escribe el nombre.").max(120),
    role,
    password: passwordSchema,
  })
  .refine((input) => {
    const local = input.email.split("@")[0] ?? "";
    return local.length < 4 || !input.password.toLowerCase().includes(local);
  }, {
    path: ["password"],
    message: "La contraseña no puede contener el correo.",
  });

export const changeUserRoleInput = z.object({ userId, role });
export const setUserActiveInput = z.object({ userId, active: z.boolean() });
export const resetUserPasswordInput = z.object({ userId, password: passwordSchema });

async function lockUsers(tx: DbTx): Promise<void> {
  // Role and activation changes are serialised, so "the last active admin" cannot be removed twice at once.
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('app_user:roles'))`);
}

async function findUser(tx: DbTx, id: number) {
  const user = await tx.user.findUnique({
    where: { id },
    select: { id: true, email: true, role: true, active: true, delegate: { select: { id: true, _count: { select: { provinces: true } } } } },
  });
  if (!user) throw new ActionError("Ese usuario ya no existe.");
  return user;
}

async function assertAnotherActiveAdmin(tx: DbTx, exceptId: number): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: exceptId } } });
  if (others === 0) throw new ActionError("Debe quedar al menos otro administrador activo.");
}

function assertNoProvinces(user: Awaited<ReturnType<typeof findUser>>, what: string): void {
  const provinces = user.delegate?._count.provinces ?? 0;
  if (user.role === "DELEGATE" && provinces > 0) {
    throw new ActionError(`Antes de ${what}, asigne sus ${provinces} provincia(s) a otro delegado en Territorios.`);
  }
}

export async function createUserCommand(db: Db, _actor: Actor, input: z.infer<typeof createUserInput>): Promise<{ id: number }> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ActionError("Ya existe un usuario con ese correo.");
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: { id: true } });
    if (input.role === "DELEGATE") await tx.delegate.create({ data: { userId: user.id } });
    return user;
  });
}

export async function changeUserRoleCommand(db: Db, actor: Actor, input: z.infer<typeof changeUserRoleInput>): Promise<{ id: number; role: string }> {
  if (input.userId === actor.userId) throw new ActionError("No puede cambiar su propio perfil.");
  return db.$transaction(async (tx) => {
    await lockUsers(tx);
    const user = await findUser(tx, input.userId);
    if (user.role === input.role) return { id: user.id, role: user.role };
    if (user.role === "ADMIN" && user.active) await assertAnotherActiveAdmin(tx, user.id);
    assertNoProvinces(user, "cambiar su perfil");
    if (user.role === "MANAGER") {
      // A former manager keeps no regions and no team.
      await tx.managerRegion.deleteMany({ where: { userId: user.id } });
      await tx.delegate.updateMany({ where: { managerId: user.id }, data: { managerId: null } });
    }
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    if (input.role === "DELEGATE") await tx.delegate.upsert({ where: { userId: user.id }, create: { userId: user.id }, update: {} });
    return { id: user.id, role: input.role };
  });
}

export async function setUserActiveCommand(db: Db, actor: Actor, input: z.infer<typeof setUserActiveInput>): Promise<{ id: number; active: boolean }> {
  if (input.userId === actor.userId && !input.active) throw new ActionError("No puede desactivar su propia cuenta.");
  return db.$transaction(async (tx) => {
    await lockUsers(tx);
    const user = await findUser(tx, input.userId);
    if (!input.active && user.active) {
      if (user.role === "ADMIN") await assertAnotherActiveAdmin(tx, user.id);
      assertNoProvinces(user, "desactivarlo");
    }
    await tx.user.update({ where: { id: user.id }, data: { active: input.active } });
    return { id: user.id, active: input.active };
  });
}

export async function resetUserPasswordCommand(db: Db, _actor: Actor, input: z.infer<typeof resetUserPasswordInput>): Promise<{ id: number }> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
  if (!user) throw new ActionError("Ese usuario ya no existe.");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    // A locked-out user can sign in with the new password at once.
    db.loginThrottle.deleteMany({ where: { key: accountKey(user.email) } }),
  ]);
  return { id: user.id };
}
