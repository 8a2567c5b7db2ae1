"use client";
import { signOut } from "next-auth/react";
import { useHydrated } from "@/app/_components/use-hydrated";

export function SignOutButton({ label }: { label: string }) {
  const hydrated = useHydrated();
  return (
    <button type="button" disabled={!hydrated} onClick={() => signOut({ callbackUrl: "/login" })} className="text-gray-600 hover:text-gray-900">
      {label}
    </button>
  );
}
