"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { setLocale } from "@/lib/actions/set-locale";
import { LOCALES, type Locale } from "@/lib/i18n/messages";

export function LocaleSwitch({ locale, label }: { locale: Locale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <select
      aria-label={label}
      value={locale}
      disabled={pending}
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
