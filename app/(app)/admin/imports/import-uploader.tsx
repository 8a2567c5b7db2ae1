"use client";
import { useRef, useState, type DragEvent } from "react";
import { useRouter } from "next/navigation";
import type { ImportSummary } from "@/lib/data/get-import-batch";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { ImportTable } from "./import-table";

type Phase = "idle" | "uploading" | "importing" | "done" | "error";

interface Uploaded {
  uploadId: string;
  fileName: string;
}

/** Uploads one file as the raw request body, reporting real byte progress. */
function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/admin/uploads");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || "{}") as Uploaded & { message?: string };
      if (xhr.status >= 200 && xhr.status < 300) resolve({ uploadId: body.uploadId, fileName: file.name });
      else reject(new Error(body.message ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error("Error de red al subir el archivo."));
    xhr.send(file);
  });
}

function Bar({ fraction }: { fraction: number }) {
  return (
    <div className="h-2 w-full overflow-hidden rounded bg-gray-200" role="progressbar" aria-valuenow={Math.round(fraction * 100)} aria-valuemin={0} aria-valuemax={100}>
      <div className="h-full bg-blue-600 transition-all" style={{ width: `${Math.round(fraction * 100)}%` }} />
    </div>
  );
}

export function ImportUploader({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [uploadProgress, setUploadProgress] = useState<number[]>([]);
  const [phase, setPhase] = useState<Phase>("idle");
  const [batch, setBatch] = useState<ImportSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    // Copy now: the FileList is live and is emptied when the input is reset right after.
    const picked = Array.from(list);
    setFiles((current) => [...current, ...picked].slice(0, 20));
    setPhase("idle");
    setBatch([]);
    setError(null);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };

  async function start() {
    setError(null);
    setPhase("uploading");
    setUploadProgress(files.map(() => 0));
    try {
      const uploads: Uploaded[] = [];
      for (const [index, file] of files.entries()) {
        uploads.push(
          await uploadFile(file, (fraction) =>
            setUploadProgress((current) => current.map((value, i) => (i === index ? fraction : value))),
          ),
        );
      }
      setPhase("importing");
      const response = await fetch("/api/admin/imports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ uploads }),
      });
      const started = (await response.json()) as { batchId?: string; message?: string };
      if (!response.ok || !started.batchId) throw new Error(started.message ?? `HTTP ${response.status}`);
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 700));
        const rows = (await (await fetch(`/api/admin/imports?batchId=${started.batchId}`)).json()) as ImportSummary[];
        setBatch(rows);
        if (rows.length >= files.length && rows.every((row) => row.status !== "RUNNING")) break;
      }
      setPhase("done");
      setFiles([]);
      router.refresh();
    } catch (caught) {
      setPhase("error");
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  const busy = phase === "uploading" || phase === "importing";
  return (
    <div className="space-y-4">
      <div
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-8 text-center text-sm ${dragging ? "border-blue-500 bg-blue-50" : "border-gray-300 bg-white"}`}
      >
        {t("imports.drop")}{" "}
        <button type="button" disabled={!hydrated || busy} className="text-blue-700 underline" onClick={() => input.current?.click()}>
          {t("imports.choose")}
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          multiple
          hidden
          disabled={!hydrated || busy}
          data-testid="file-input"
          onChange={(event) => {
            addFiles(event.target.files);
            event.target.value = "";
          }}
        />
      </div>

      {files.length > 0 && (
        <ul className="space-y-2">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="rounded border bg-white p-3 text-sm">
              <div className="flex justify-between">
                <span className="font-medium">{file.name}</span>
                <span className="text-gray-500">{(file.size / 1024).toLocaleString(locale === "es" ? "es-ES" : "en-GB", { maximumFractionDigits: 0 })} KB</span>
              </div>
              {phase !== "idle" && (
                <div className="mt-2">
                  <Bar fraction={uploadProgress[index] ?? 0} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <div className="flex gap-3">
        <button
          type="button"
          disabled={!hydrated || busy || files.length === 0}
          onClick={start}
          className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50"
        >
          {t("imports.start", { count: files.length })}
        </button>
        {files.length > 0 && !busy && (
          <button type="button" onClick={() => setFiles([])} className="text-sm text-gray-600 underline">
            {t("imports.clear")}
          </button>
        )}
      </div>

      {error && (
        <p role="alert" data-testid="import-error" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
          {error}
        </p>
      )}
      {phase === "importing" && batch.length === 0 && <p className="text-sm text-gray-600">{t("imports.waiting")}</p>}
      {batch.length > 0 && (
        <div className="space-y-2" data-testid="import-batch">
          {batch
            .filter((row) => row.status === "RUNNING")
            .map((row) => (
              <div key={row.id} className="text-sm">
                {row.fileName}
                <Bar fraction={row.progress} />
              </div>
            ))}
          <ImportTable imports={batch} locale={locale} />
          <ImportDetails imports={batch} locale={locale} />
        </div>
      )}
    </div>
  );
}

function ImportDetails({ imports, locale }: { imports: ImportSummary[]; locale: Locale }) {
  const t = translator(locale);
  const done = imports.filter((row) => row.status === "SUCCEEDED" && row.report);
  if (!done.length) return null;
  return (
    <div className="rounded-lg border bg-white p-4 text-sm" data-testid="import-report">
      <h3 className="mb-2 font-semibold">{t("imports.reasons")}</h3>
      {done.map((row) => {
        const report = row.report as { errorsByCode?: Record<string, number>; flagsByCode?: Record<string, number>; merge?: Record<string, number> };
        const entries = [
          ...Object.entries(report.errorsByCode ?? {}).map(([code, count]) => `✗ ${code}: ${count}`),
          ...Object.entries(report.flagsByCode ?? {}).map(([code, count]) => `⚠ ${code}: ${count}`),
          ...Object.entries(report.merge ?? {}).filter(([, count]) => count > 0).map(([code, count]) => `ℹ ${code}: ${count}`),
        ];
        const sameFile = row.rowsInserted === 0 && row.rowsExisting > 0;
        return (
          <div key={row.id} className="mb-2">
            <span className="font-medium">{row.fileName}</span>
            {sameFile && <span className="ml-2 text-gray-600">{t("imports.sameFile")}</span>}
            {entries.length > 0 && <div className="text-gray-600">{entries.join(" · ")}</div>}
          </div>
        );
      })}
    </div>
  );
}
