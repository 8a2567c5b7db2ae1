import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { HOME_BY_ROLE } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  const actor = await getActor();
  if (actor) redirect(HOME_BY_ROLE[actor.role]);
  const { locale, t } = await getTranslator();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("app.name")}</h1>
        <p className="mb-6 mt-1 text-sm text-gray-500">{t("app.tagline")}</p>
        <LoginForm locale={locale} />
      </div>
    </main>
  );
}
