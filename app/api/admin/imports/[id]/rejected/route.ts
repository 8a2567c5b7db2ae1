import { NextResponse } from "next/server";
import { withApiAuth } from "@/lib/api/route-auth";
import { getRejectedRowsCsv } from "@/lib/data/get-rejected-rows-csv";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = withApiAuth<{ params: Promise<{ id: string }> }>("data.import", async (_request, { params, actor }) => {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return NextResponse.json({ error: "invalid" }, { status: 400 });
  const csv = await getRejectedRowsCsv(db(), actor, id);
  if (csv === null) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return new NextResponse(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="importacion-${id}-filas-rechazadas.csv"`,
    },
  });
});
