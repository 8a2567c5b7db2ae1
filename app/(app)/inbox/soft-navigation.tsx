"use client";
// Client-side navigation for the plain same-origin links inside one element, by event delegation: a
// single client component instead of one `next/link` per link (each of which is a client component
// rendered on the server, serialised into the page's RSC payload and hydrated). No prefetching (the row
// links had none before either; the tabs, sorting and pages are dynamic renders of the inbox itself).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function SoftNavigation({ within }: { within: string }) {
  const router = useRouter();
  useEffect(() => {
    const root = document.getElementById(within);
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || !root.contains(link) || link.target || link.hasAttribute("download")) return;
      if (link.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(link.pathname + link.search + link.hash);
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  }, [router, within]);
  return null;
}
