// One console line that redraws itself (a plain line per step when not on a terminal, e.g. in CI).
export function createProgressLine(stream: NodeJS.WriteStream = process.stderr) {
  let lastPlain = "";
  return {
    update(text: string, fraction: number | null) {
      const bar = fraction === null ? "" : `[${"#".repeat(Math.round(fraction * 30)).padEnd(30, ".")}] ${String(Math.round(fraction * 100)).padStart(3)}% `;
      if (stream.isTTY) {
        stream.write(`\r${bar}${text}`.padEnd(stream.columns ? stream.columns - 1 : 100).slice(0, (stream.columns ?? 101) - 1));
      } else {
        const plain = `${bar}${text}`.replace(/\d+ filas/, "");
        if (plain !== lastPlain) stream.write(`${bar}${text}\n`);
        lastPlain = plain;
      }
    },
    done() {
      if (stream.isTTY) stream.write("\n");
    },
  };
}
