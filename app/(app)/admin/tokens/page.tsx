import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { listApiTokens, listTokenOwners } from "@/lib/data/admin/list-api-tokens";
import { getTranslator } from "@/lib/i18n/server";
import { AdminHeader } from "../_ui/admin-header";
import { formatDateTime } from "../_ui/format";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export default async function TokensPage() {
  const actor = await requirePagePermission("tokens.manage");
  const [{ locale, t }, tokens, owners] = await Promise.all([getTranslator(), listApiTokens(db(), actor), listTokenOwners(db(), actor)]);
  return (
    <section className="space-y-6">
      <AdminHeader title={t("tokens.title")} intro={t("tokens.intro")} back={t("adminNav.back")} />
      <CreateTokenForm owners={owners} locale={locale} />
      {tokens.length === 0 ? (
        <p className="text-sm text-gray-500">{t("tokens.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-sm" data-testid="tokens-table">
            <thead className="border-b bg-gray-50 text-left text-gray-500">
              <tr>
                {(["name", "prefix", "user", "created", "lastUsed", "status"] as const).map((col) => (
                  <th key={col} className="p-2 font-medium">
                    {t(`tokens.col.${col}`)}
                  </th>
                ))}
                <th className="p-2" />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className={`border-b align-top last:border-0 ${token.revokedAt ? "text-gray-400" : ""}`} data-testid="token-row" data-prefix={token.prefix}>
                  <td className="p-2 font-medium">{token.name}</td>
                  <td className="p-2 font-mono text-xs">sds_{token.prefix}_…</td>
                  <td className="p-2">
                    {token.user.name}
                    <div className="text-xs text-gray-500">{token.user.email}</div>
                  </td>
                  <td className="whitespace-nowrap p-2">{formatDateTime(token.createdAt, locale)}</td>
                  <td className="whitespace-nowrap p-2">{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t("adminCommon.never")}</td>
                  <td className="p-2" data-testid="token-status">
                    {token.revokedAt ? t("tokens.revokedOn", { date: formatDateTime(token.revokedAt, locale) }) : t("tokens.active")}
                  </td>
                  <td className="p-2">{!token.revokedAt && <RevokeTokenButton tokenId={token.id} locale={locale} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
