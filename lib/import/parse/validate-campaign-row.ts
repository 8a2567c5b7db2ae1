// A Campañas row: a promotion window. Inside it demand is pulled forward, so the dates matter.
import { parseDate } from "./parse-date";
import type { RowChecker } from "./row-checker";
import type { CampaignRow } from "./types";

export function createCampaignValidator(options: { maxDate: string }): (c: RowChecker) => CampaignRow | undefined {
  const seen = new Map<string, number>();
  return (c) => {
    const name = c.text("campaign");
    const startDate = c.take("startDate", parseDate(c.value("startDate"), c.name("startDate"), c.format, options.maxDate));
    const endDate = c.take("endDate", parseDate(c.value("endDate"), c.name("endDate"), c.format, options.maxDate));
    if (startDate && endDate && endDate < startDate) {
      c.error(c.name("endDate"), "campaign_end_before_start", `${c.name("endDate")} "${c.value("endDate")}" es anterior a ${c.name("startDate")} "${c.value("startDate")}"`);
    }
    if (c.rejected || name === undefined || !startDate || !endDate) return undefined;
    const firstLine = seen.get(name);
    if (firstLine === undefined) seen.set(name, c.line);
    else c.flag("duplicate_row", `La campaña "${name}" ya aparece en la línea ${firstLine}`, c.name("campaign"));
    return { name, startDate, endDate };
  };
}
