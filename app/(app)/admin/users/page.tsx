import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { listUsers } from "@/lib/data/admin/list-users";
import { getTranslator } from "@/lib/i18n/server";
import { AdminHeader } from "../_ui/admin-header";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";

export default async function UsersPage() {
  const actor = await requirePagePermission("users.manage");
  const [{ locale, t }, users] = await Promise.all([getTranslator(), listUsers(db(), actor)]);
  return (
    <section className="space-y-6">
      <AdminHeader title={t("users.title")} back={t("adminNav.back")} />
      <CreateUserForm locale={locale} />
      <div className="overflow-x-auto rounded-lg border bg-white">
        <table className="w-full text-sm" data-testid="users-table">
          <thead className="border-b bg-gray-50 text-left text-gray-500">
            <tr>
              {(["name", "email", "role", "status", "territory", "tokens", "actions"] as const).map((col) => (
                <th key={col} className="p-2 font-medium">
                  {t(`users.col.${col}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={`border-b align-top last:border-0 ${user.active ? "" : "text-gray-400"}`} data-testid="user-row" data-email={user.email}>
                <td className="p-2 font-medium">
                  {user.name}
                  {user.id === actor.userId && <span className="ml-1 text-xs text-gray-500">({t("users.you")})</span>}
                </td>
                <td className="p-2">{user.email}</td>
                <td className="p-2">{t(`role.${user.role}`)}</td>
                <td className="p-2">{user.active ? t("users.active") : t("users.inactive")}</td>
                <td className="p-2 text-xs" title={[...user.provinceCodes, ...user.regionCodes].join(", ")}>
                  {user.role === "DELEGATE" && t("users.provinces", { count: user.provinceCodes.length })}
                  {user.role === "MANAGER" && t("users.regions", { count: user.regionCodes.length })}
                </td>
                <td className="p-2 tabular-nums">{user.activeTokens}</td>
                <td className="p-2">{user.id !== actor.userId && <UserRowActions user={user} locale={locale} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
