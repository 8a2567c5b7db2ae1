import { NextResponse } from "next/server";
import { invalidQuery, respondWithPage, searchParamsObject } from "@/lib/api/api-format";
import { InvalidCursorError } from "@/lib/api/list-api-alerts";
import { listApiScores, SCORE_CSV_COLUMNS, scoreCsvRow, scoresQuerySchema } from "@/lib/api/list-api-scores";
import { withApiAuth } from "@/lib/api/route-auth";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Scores of one as-of date (default: the latest) within the caller's scope; see docs/API.md. */
export const GET = withApiAuth("api.read", async (request, { actor }) => {
  const parsed = scoresQuerySchema.safeParse(searchParamsObject(request));
  if (!parsed.success) return invalidQuery(parsed.error);
  try {
    const page = await listApiScores(db(), actor, parsed.data);
    return respondWithPage(request, page, { columns: SCORE_CSV_COLUMNS, row: scoreCsvRow, fileName: `puntuaciones-${page.asOf ?? "vacio"}.csv` }, { asOf: page.asOf });
  } catch (error) {
    if (error instanceof InvalidCursorError) return NextResponse.json({ error: "invalid_cursor", message: error.message }, { status: 400 });
    throw error;
  }
});
