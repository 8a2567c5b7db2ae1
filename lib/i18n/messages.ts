// UI strings, one dictionary file per area (lib/i18n/dictionaries/*.ts), each with Spanish (the
// source) and English under the same keys — the types reject a missing translation.
import * as admin from "./dictionaries/admin";
import * as core from "./dictionaries/core";
import * as imports from "./dictionaries/imports";
import * as inbox from "./dictionaries/inbox";
import * as region from "./dictionaries/region";

export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "es";

const es = { ...core.es, ...admin.es, ...imports.es, ...inbox.es, ...region.es };
export type MessageKey = keyof typeof es;
const en: Record<MessageKey, string> = { ...core.en, ...admin.en, ...imports.en, ...inbox.en, ...region.en };

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { es, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, params) =>
    params === undefined
      ? messages[key]
      : messages[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
