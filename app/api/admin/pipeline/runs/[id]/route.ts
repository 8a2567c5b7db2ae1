import { NextResponse } from "next/server";
import { withApiAuth } from "@/lib/api/route-auth";
import { getPipelineRun } from "@/lib/data/admin/get-pipeline-runs";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** One run's status, progress, step and the tail of its log: what the admin page polls while it runs. */
export const GET = withApiAuth<{ params: Promise<{ id: string }> }>("pipeline.run", async (request, { params, actor }) => {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return NextResponse.json({ error: "invalid" }, { status: 400 });
  const tail = Math.min(500, Math.max(1, Number(new URL(request.url).searchParams.get("tail") ?? 30) || 30));
  const run = await getPipelineRun(db(), actor, id, { tailLines: tail });
  if (!run) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return NextResponse.json(run, { headers: { "cache-control": "no-store" } });
});
