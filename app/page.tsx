import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { HOME_BY_ROLE } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? HOME_BY_ROLE[actor.role] : "/login");
}
