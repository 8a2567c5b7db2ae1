import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from "@/lib/i18n/messages";

export const LOCALE_COOKIE = "sds-locale";

/** The cookie's language (set by the switcher), else Spanish. */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
