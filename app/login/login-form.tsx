"use client";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";

export function LoginForm({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // The server decides where each role lands.
      window.location.assign("/");
      return;
    }
    setPending(false);
    const code = result?.error ?? "";
    if (code.startsWith("blocked:")) {
      const at = new Date(code.slice("blocked:".length));
      setError(t("login.error.blocked", { time: at.toLocaleTimeString(locale === "es" ? "es-ES" : "en-GB", { hour: "2-digit", minute: "2-digit" }) }));
    } else if (code === "invalid" || code === "CredentialsSignin") {
      setError(t("login.error.invalid"));
    } else {
      setError(t("login.error.generic"));
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <label className="block text-sm">
        <span className="text-gray-700">{t("login.email")}</span>
        <input name="email" type="email" autoComplete="username" required className="mt-1 block w-full rounded-md border-gray-300" />
      </label>
      <label className="block text-sm">
        <span className="text-gray-700">{t("login.password")}</span>
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded-md border-gray-300" />
      </label>
      {error && (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 p-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending || !hydrated} className="w-full rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60">
        {pending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
