import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from "@/lib/i18n/messages";

export const LOCALE_COOKIE = "sds-locale";

/** The cookie's language (set by the switcher), else Spanish. Read once per request: the root
 *  layout, the app layout, the page and the not-found and forbidden boundaries all ask. */
export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
});

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
