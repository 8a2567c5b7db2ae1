import { NextResponse } from "next/server";
import { invalidQuery, respondWithPage, searchParamsObject } from "@/lib/api/api-format";
import { ALERT_CSV_COLUMNS, alertCsvRow, alertsQuerySchema, InvalidCursorError, listApiAlerts } from "@/lib/api/list-api-alerts";
import { withApiAuth } from "@/lib/api/route-auth";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Alerts within the caller's scope (session or `Authorization: Bearer sds_…`); see docs/API.md. */
export const GET = withApiAuth("api.read", async (request, { actor }) => {
  const parsed = alertsQuerySchema.safeParse(searchParamsObject(request));
  if (!parsed.success) return invalidQuery(parsed.error);
  try {
    const page = await listApiAlerts(db(), actor, parsed.data);
    return respondWithPage(request, page, { columns: ALERT_CSV_COLUMNS, row: alertCsvRow, fileName: "alertas.csv" });
  } catch (error) {
    if (error instanceof InvalidCursorError) return NextResponse.json({ error: "invalid_cursor", message: error.message }, { status: 400 });
    throw error;
  }
});
