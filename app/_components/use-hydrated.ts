"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False during server rendering and before hydration: controls that need JavaScript stay disabled
 *  until then, so an early click is never lost (or, for a form, submitted natively). */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
