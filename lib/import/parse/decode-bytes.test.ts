import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, type DecodeState } from "./decode-bytes";
import { ImportFileError } from "./types";

async function decode(chunks: Uint8Array[]): Promise<{ text: string; state: DecodeState }> {
  const state: DecodeState = { encoding: "utf-8", bom: false, decided: false };
  let text = "";
  for await (const piece of decodeBytes((async function* () { yield* chunks; })(), state)) text += piece;
  return { text, state };
}

const SAMPLE = "Id. Cliente,,Provincia\n90001,01001,Álava\n90002,08001,Barcelona\n";

describe("decodeBytes", () => {
  it("reads UTF-8 without a BOM", async () => {
    const { text, state } = await decode([Buffer.from(SAMPLE, "utf8")]);
    expect(text).toBe(SAMPLE);
    expect(state).toMatchObject({ encoding: "utf-8", bom: false });
  });
  it("strips a UTF-8 BOM", async () => {
    const { text, state } = await decode([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])]);
    expect(text).toBe(SAMPLE);
    expect(state).toMatchObject({ encoding: "utf-8", bom: true });
  });
  it("falls back to Windows-1252 for Excel's Spanish bytes", async () => {
    const bytes = iconv.encode("Campaña,Fecha inicio,Fecha fin\nOtoño,1/2/2024,1/3/2024\n", "windows-1252");
    expect(bytes.includes(0xf1)).toBe(true); // "ñ" is one byte, 0xF1
    const { text, state } = await decode([bytes]);
    expect(text).toContain("Campaña");
    expect(text).toContain("Otoño");
    expect(state.encoding).toBe("windows-1252");
  });
  it("decides on the first non-ASCII byte even far into the file, holding only a window", async () => {
    const asciiHead = "Id. Cliente,,Provincia\n" + "90001,28001,Madrid\n".repeat(20_000);
    const bytes = Buffer.concat([Buffer.from(asciiHead), iconv.encode("90002,01001,Álava\n", "windows-1252")]);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 1000) chunks.push(bytes.subarray(i, i + 1000));
    const { text, state } = await decode(chunks);
    expect(state.encoding).toBe("windows-1252");
    expect(text.endsWith("90002,01001,Álava\n")).toBe(true);
  });
  it("keeps a UTF-8 character split across two chunks", async () => {
    const bytes = Buffer.from(SAMPLE, "utf8");
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of "Á"
    const { text } = await decode([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(text).toBe(SAMPLE);
  });
  it("reads UTF-16 with and without a BOM (Excel's 'Unicode text')", async () => {
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, "utf-16le")]);
    expect(await decode([withBom])).toMatchObject({ text: SAMPLE, state: { encoding: "utf-16le", bom: true } });
    expect(await decode([iconv.encode(SAMPLE, "utf-16le")])).toMatchObject({ text: SAMPLE, state: { encoding: "utf-16le", bom: false } });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, "utf-16be")]);
    expect(await decode([be])).toMatchObject({ text: SAMPLE, state: { encoding: "utf-16be" } });
  });
  it("refuses binary content with a declared error", async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x62, 0xee]);
    await expect(decode([zip])).rejects.toBeInstanceOf(ImportFileError);
  });
  it("turns stray bytes of another encoding into U+FFFD once UTF-8 is decided", async () => {
    const utf8 = SAMPLE + "90004,29001,Málaga\n90005,11001,Cádiz\n";
    const bytes = Buffer.concat([Buffer.from(utf8), Buffer.from("90003,01001,"), Buffer.from([0xc1]), Buffer.from("lava\n")]);
    const { text, state } = await decode([bytes]);
    expect(state.encoding).toBe("utf-8");
    expect(text).toContain("\ufffdlava");
  });
});
