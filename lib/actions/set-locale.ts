"use server";
import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { LOCALES } from "@/lib/i18n/messages";
import { LOCALE_COOKIE } from "@/lib/i18n/server";

export const setLocale = defineAction(
  { input: z.object({ locale: z.enum(LOCALES) }), permission: "profile.update" },
  async ({ locale }, { actor, db }) => {
    await db.user.update({ where: { id: actor.userId }, data: { locale } });
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
    return { locale };
  },
);
