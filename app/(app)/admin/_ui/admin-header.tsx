import Link from "next/link";
import type { ReactNode } from "react";

/** Title of an admin page, with the way back to the administration area and an optional intro. */
export function AdminHeader({ title, intro, back, backHref = "/admin", children }: { title: string; intro?: string; back: string; backHref?: string; children?: ReactNode }) {
  return (
    <div className="space-y-2">
      <Link href={backHref} className="text-sm text-blue-700 hover:underline">
        {back}
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {children}
      </div>
      {intro && <p className="max-w-3xl text-sm text-gray-600">{intro}</p>}
    </div>
  );
}
