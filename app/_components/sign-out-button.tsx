"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="text-gray-600 hover:text-gray-900">
      {label}
    </button>
  );
}
