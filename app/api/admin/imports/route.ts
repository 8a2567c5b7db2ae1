import { randomUUID } from "node:crypto";
import { after, NextResponse } from "next/server";
import { z } from "zod";
import { withApiAuth } from "@/lib/api/route-auth";
import { getImportBatch } from "@/lib/data/get-import-batch";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { attributeAfterImport } from "@/lib/import/attribute-after-import";
import { importSources } from "@/lib/import/import-sources";
import { deleteUpload, uploadSource } from "@/lib/import/upload-store";

export const dynamic = "force-dynamic";

const startSchema = z.object({
  uploads: z
    .array(z.object({ uploadId: z.string().uuid(), fileName: z.string().min(1).max(200) }))
    .min(1)
    .max(20),
});

/** Starts importing uploaded files; the work continues after the response (poll GET ?batchId=). */
export const POST = withApiAuth("data.import", async (request, { actor }) => {
  const parsed = startSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "invalid", message: "Petición no válida." }, { status: 400 });
  const dir = env().UPLOAD_DIR;
  let sources;
  try {
    sources = await Promise.all(parsed.data.uploads.map((u) => uploadSource(dir, u.uploadId, u.fileName)));
  } catch {
    return NextResponse.json({ error: "unknown_upload", message: "Alguno de los archivos ya no está disponible: vuelva a subirlo." }, { status: 400 });
  }
  const batchId = randomUUID();
  after(async () => {
    try {
      const reports = await importSources(pool(), sources, { batchId, userId: actor.userId });
      await attributeAfterImport(db(), reports);
    } catch (error) {
      console.error(`[import ${batchId}]`, error);
    } finally {
      for (const upload of parsed.data.uploads) await deleteUpload(dir, upload.uploadId);
    }
  });
  return NextResponse.json({ batchId }, { status: 202 });
});

export const GET = withApiAuth("data.import", async (request, { actor }) => {
  const batchId = new URL(request.url).searchParams.get("batchId") ?? "";
  if (!z.string().uuid().safeParse(batchId).success) return NextResponse.json({ error: "invalid" }, { status: 400 });
  return NextResponse.json(await getImportBatch(db(), actor, batchId));
});
