import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getAdminOverview } from "@/lib/data/get-admin-overview";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/messages";
import Link from "next/link";

const ADMIN_LINKS: { href: string; label: MessageKey }[] = [
  { href: "/admin/pipeline", label: "adminNav.pipeline" },
  { href: "/admin/models", label: "adminNav.models" },
  { href: "/admin/users", label: "adminNav.users" },
  { href: "/admin/territories", label: "adminNav.territories" },
  { href: "/admin/settings", label: "adminNav.settings" },
  { href: "/admin/tokens", label: "adminNav.tokens" },
];

export default async function AdminPage() {
  const actor = await requirePagePermission("admin.view");
  const [{ t }, overview] = await Promise.all([getTranslator(), getAdminOverview(db(), actor)]);
  const cards: { label: MessageKey; value: number }[] = [
    { label: "admin.users", value: overview.users },
    { label: "admin.clients", value: overview.clients },
    { label: "admin.salesLines", value: overview.salesLines },
    { label: "admin.imports", value: overview.imports },
    { label: "admin.pipelineRuns", value: overview.pipelineRuns },
  ];
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
      <dl className="mt-6 grid grid-cols-2 gap-4 md:grid-cols-5">
        {cards.map((card) => (
          <div key={card.label} className="rounded-lg border bg-white p-4">
            <dt className="text-sm text-gray-500">{t(card.label)}</dt>
            <dd className="text-2xl font-semibold">{card.value.toLocaleString("es-ES")}</dd>
          </div>
        ))}
      </dl>
      <nav className="mt-8 flex flex-wrap gap-4 text-sm">
        <Link href="/admin/imports" className="rounded-md border bg-white px-4 py-2 font-medium text-blue-700 hover:bg-blue-50">
          {t("imports.openAdmin")}
        </Link>
        {ADMIN_LINKS.map((link) => (
          <Link key={link.href} href={link.href} className="rounded-md border bg-white px-4 py-2 font-medium text-blue-700 hover:bg-blue-50">
            {t(link.label)}
          </Link>
        ))}
      </nav>
    </section>
  );
}
