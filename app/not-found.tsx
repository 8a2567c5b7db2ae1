import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto max-w-lg p-12 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">
        {t("forbidden.back")}
      </Link>
    </main>
  );
}
