// A Clientes row: id, postal code, province. The real export repeats some clients (37 ids twice,
// 7 of them with a different postal code); repeats are flagged against the first occurrence so the
// merge can decide which row wins.
import { looksLikeFormula } from "./cell-safety";
import { checkClientLocation } from "./check-client-location";
import { parseId } from "./parse-id";
import type { RowChecker } from "./row-checker";
import type { ClientRow } from "./types";

interface FirstSeen {
  line: number;
  postalCode: string | null;
  provinceName: string;
}

export function createClientValidator(): (c: RowChecker) => ClientRow | undefined {
  // One small entry per distinct client: the client list is bounded by the business (~11,000), not
  // by the file size.
  const seen = new Map<string, FirstSeen>();
  return (c) => {
    const clientId = c.take("client", parseId(c.value("client"), c.name("client")));
    const provinceName = c.value("province");
    const location = checkClientLocation(c.value("postalCode"), provinceName, { postalCode: c.name("postalCode"), province: c.name("province") });
    if (!location.ok) c.error(c.name(location.code === "required" ? "province" : "postalCode"), location.code, location.message);
    if (c.rejected || clientId === undefined || !location.ok) return undefined;
    for (const flag of location.value.flags) c.flag(flag.code, flag.message, flag.column);
    if (looksLikeFormula(provinceName)) {
      c.flag("formula_like_text", `${c.name("province")} "${provinceName}" empieza como una fórmula; se guarda como texto y se escapará al exportarlo`, c.name("province"));
    }
    const { postalCode, provinceCode } = location.value;
    const first = seen.get(clientId);
    if (!first) {
      seen.set(clientId, { line: c.line, postalCode, provinceName });
    } else if (first.postalCode === postalCode && first.provinceName === provinceName) {
      c.flag("duplicate_client", `El cliente ${clientId} ya aparece en la línea ${first.line} con los mismos datos`, c.name("client"));
    } else {
      c.flag(
        "duplicate_client_conflict",
        `El cliente ${clientId} ya aparece en la línea ${first.line} con código postal ${first.postalCode ?? "(ninguno)"} y provincia ${first.provinceName}; aquí ${postalCode ?? "(ninguno)"} y ${provinceName}`,
        c.name("client"),
      );
    }
    return { clientId, postalCode, provinceName, provinceCode };
  };
}
