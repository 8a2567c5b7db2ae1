// Colour classes of the region map: five equal-width classes between the smallest and the largest
// value of the regions that have one (a manager's 3 communities or Spain's 19), on a palette chosen
// per KPI (red for risks, green for rates that should be high…). Pure: computed on the server.

export const PALETTES = {
  blue: ["#dbeafe", "#93c5fd", "#3b82f6", "#1d4ed8", "#1e3a8a"],
  red: ["#fee2e2", "#fca5a5", "#ef4444", "#b91c1c", "#7f1d1d"],
  green: ["#dcfce7", "#86efac", "#22c55e", "#15803d", "#14532d"],
  amber: ["#fef3c7", "#fcd34d", "#f59e0b", "#b45309", "#78350f"],
} as const;
export type PaletteName = keyof typeof PALETTES;

/** In scope without a figure (no alerts yet). */
export const NO_DATA_FILL = "#f1f5f9";
/** Outside the actor's scope: greyed, not clickable. */
export const OUT_OF_SCOPE_FILL = "#d1d5db";

export interface ColourClass {
  colour: string;
  from: number;
  to: number;
}

export interface Choropleth {
  /** One fill per input value (NO_DATA_FILL for null). */
  fills: string[];
  /** The classes in use, lowest first (one when every value is the same, none without values). */
  classes: ColourClass[];
}

/**
 * `integer`: counts (alerts), classed in whole numbers — "0 – 1, 2 – 3" rather than "0 – 0,8, 0,8 – 1,6" —
 * with fewer classes when there are fewer distinct values than colours.
 */
export function choropleth(values: readonly (number | null)[], palette: PaletteName, options: { integer?: boolean } = {}): Choropleth {
  const colours = PALETTES[palette];
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!present.length) return { fills: values.map(() => NO_DATA_FILL), classes: [] };
  const min = Math.min(...present);
  const max = Math.max(...present);
  if (min === max) {
    const colour = colours[2];
    return { fills: values.map((v) => (v === null ? NO_DATA_FILL : colour)), classes: [{ colour, from: min, to: max }] };
  }
  if (options.integer) {
    const low = Math.floor(min);
    const span = Math.floor(max) - low + 1;
    const count = Math.min(colours.length, span);
    const width = Math.ceil(span / count);
    const used = Math.ceil(span / width);
    // Spread the classes in use over the whole palette (light to dark).
    const colourOf = (i: number) => colours[Math.round((i * (colours.length - 1)) / Math.max(1, used - 1))]!;
    return {
      fills: values.map((v) => (v === null ? NO_DATA_FILL : colourOf(Math.floor((Math.floor(v) - low) / width)))),
      classes: Array.from({ length: used }, (_, i) => ({ colour: colourOf(i), from: low + i * width, to: Math.min(Math.floor(max), low + (i + 1) * width - 1) })),
    };
  }
  const width = (max - min) / colours.length;
  const classOf = (v: number) => Math.min(colours.length - 1, Math.floor((v - min) / width));
  return {
    fills: values.map((v) => (v === null ? NO_DATA_FILL : colours[classOf(v)]!)),
    classes: colours.map((colour, i) => ({ colour, from: min + i * width, to: i === colours.length - 1 ? max : min + (i + 1) * width })),
  };
}
