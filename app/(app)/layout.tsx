import type { ReactNode } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/messages";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { LocaleSwitch } from "@/app/_components/locale-switch";

export const dynamic = "force-dynamic";

const NAV: { href: string; label: MessageKey; permission: Permission }[] = [
  { href: "/inbox", label: "nav.inbox", permission: "inbox.view" },
  { href: "/region", label: "nav.region", permission: "region.view" },
  { href: "/admin", label: "nav.admin", permission: "admin.view" },
];

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const { locale, t } = await getTranslator();
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
          <Link href="/" className="font-semibold text-blue-700">
            {t("app.name")}
          </Link>
          <nav className="flex gap-4 text-sm">
            {NAV.filter((item) => can(actor.role, item.permission)).map((item) => (
              <Link key={item.href} href={item.href} className="text-gray-600 hover:text-gray-900">
                {t(item.label)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-4 text-sm">
            <span className="text-gray-600" data-testid="current-user">
              {actor.name} · {t(`role.${actor.role}`)}
            </span>
            <LocaleSwitch locale={locale} label={t("nav.language")} />
            <SignOutButton label={t("nav.signOut")} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
    </div>
  );
}
