import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { NextResponse } from "next/server";
import { withApiAuth } from "@/lib/api/route-auth";
import { env } from "@/lib/env";
import { saveUpload, UploadTooLargeError } from "@/lib/import/upload-store";

export const dynamic = "force-dynamic";

// The file is the raw request body (not multipart), streamed to disk as it arrives.
export const POST = withApiAuth("data.import", async (request) => {
  if (!request.body) return NextResponse.json({ error: "empty", message: "El archivo está vacío." }, { status: 400 });
  const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "archivo.csv").slice(0, 200);
  try {
    const body = Readable.fromWeb(request.body as unknown as NodeReadableStream);
    const saved = await saveUpload(env().UPLOAD_DIR, body, env().UPLOAD_MAX_MB * 1024 * 1024);
    return NextResponse.json({ ...saved, fileName });
  } catch (error) {
    if (error instanceof UploadTooLargeError) return NextResponse.json({ error: "too_large", message: error.message }, { status: 413 });
    throw error;
  }
});
