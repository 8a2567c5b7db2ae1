"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { setLocale } from "@/lib/actions/set-locale";
import { LOCALES, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";

export function LocaleSwitch({ locale, label }: { locale: Locale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <select
      aria-label={label}
      value={locale}
      disabled={pending || !hydrated}
      className="rounded-md border-gray-300 py-1 text-sm"
      onChange={(event) => {
        const next = event.target.value as Locale;
        startTransition(async () => {
          await setLocale({ locale: next });
          router.refresh();
        });
      }}
    >
      {LOCALES.map((code) => (
        <option key={code} value={code}>
          {code.toUpperCase()}
        </option>
      ))}
    </select>
  );
}
