"use client";
// The choropleth of Spain by autonomous community. The TopoJSON is fetched from public/maps once the
// page is in the browser (the SVG is not part of the server HTML, so nothing can mismatch on
// hydration); colours, labels and links come ready from the server, so switching the KPI is instant.
import { useEffect, useMemo, useState, type MouseEvent } from "react";
import { useRouter } from "next/navigation";
import { ComposableMap, Geographies, Geography } from "react-simple-maps";
import type { FeatureCollection, Geometry } from "geojson";
import type { Topology } from "topojson-specification";
import { NO_DATA_FILL, OUT_OF_SCOPE_FILL } from "./choropleth";
import { compositionBordersPath, MAP_HEIGHT, MAP_WIDTH, regionFeatures, spainProjection } from "./spain-projection";

export const SPAIN_MAP_URL = "/maps/spain-autonomous-regions.json";

export interface MapMetric {
  key: string;
  label: string;
  /** Legend lines, lowest class first. */
  legend: { colour: string; label: string }[];
}

export interface MapRegion {
  code: string;
  name: string;
  /** null: outside the user's scope (greyed, not clickable). */
  href: string | null;
  /** Per metric key: fill colour and the value as shown in the tooltip. */
  values: Record<string, { fill: string; display: string }>;
}

export interface SpainMapLabels {
  colourBy: string;
  outOfScope: string;
  noData: string;
  loading: string;
  error: string;
}

type Features = FeatureCollection<Geometry, { name: string }>;

export function SpainMap({
  regions,
  metrics,
  initialMetric,
  labels,
}: {
  regions: MapRegion[];
  metrics: MapMetric[];
  initialMetric: string;
  labels: SpainMapLabels;
}) {
  const router = useRouter();
  const [metricKey, setMetricKey] = useState(initialMetric);
  const [features, setFeatures] = useState<Features | null>(null);
  const [failed, setFailed] = useState(false);
  const [tooltip, setTooltip] = useState<{ x: number; y: number; code: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch(SPAIN_MAP_URL)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((topology: Topology) => !cancelled && setFeatures(regionFeatures(topology)))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, []);

  const projection = useMemo(() => (features ? spainProjection(features) : null), [features]);
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const metric = metrics.find((m) => m.key === metricKey) ?? metrics[0]!;

  const moveTooltip = (event: MouseEvent<SVGPathElement>, code: string) => {
    const box = event.currentTarget.ownerSVGElement?.parentElement?.getBoundingClientRect();
    if (box) setTooltip({ x: event.clientX - box.left, y: event.clientY - box.top, code });
  };
  const hovered = tooltip ? byCode.get(tooltip.code) : undefined;

  return (
    <div data-testid="region-map">
      <label className="mb-3 flex items-center gap-2 text-sm text-gray-600">
        {labels.colourBy}
        <select
          className="rounded-md border-gray-300 py-1 text-sm"
          value={metric.key}
          onChange={(event) => setMetricKey(event.target.value)}
          data-testid="map-metric"
        >
          {metrics.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <div className="relative">
        {!projection ? (
          <div className="flex aspect-[10/7] w-full items-center justify-center rounded bg-gray-50 text-sm text-gray-500">
            {failed ? labels.error : labels.loading}
          </div>
        ) : (
          <ComposableMap width={MAP_WIDTH} height={MAP_HEIGHT} projection={projection} className="h-auto w-full">
            <Geographies geography={features!}>
              {({ geographies }) =>
                geographies.map((geography) => {
                  const code = String(geography.id);
                  const region = byCode.get(code);
                  const value = region?.values[metric.key];
                  const clickable = Boolean(region?.href);
                  const fill = !region || !region.href ? OUT_OF_SCOPE_FILL : (value?.fill ?? NO_DATA_FILL);
                  return (
                    <Geography
                      key={geography.rsmKey}
                      geography={geography}
                      fill={fill}
                      stroke="#ffffff"
                      strokeWidth={0.75}
                      data-region-code={code}
                      data-in-scope={clickable ? "true" : "false"}
                      aria-label={`${region?.name ?? code}: ${clickable ? (value?.display ?? labels.noData) : labels.outOfScope}`}
                      role={clickable ? "link" : undefined}
                      tabIndex={clickable ? 0 : -1}
                      className={clickable ? "cursor-pointer outline-none hover:opacity-80 focus:opacity-80" : "cursor-not-allowed outline-none"}
                      onMouseEnter={(event) => moveTooltip(event, code)}
                      onMouseMove={(event) => moveTooltip(event, code)}
                      onMouseLeave={() => setTooltip(null)}
                      onClick={() => region?.href && router.push(region.href)}
                      onKeyDown={(event) => {
                        if ((event.key === "Enter" || event.key === " ") && region?.href) router.push(region.href);
                      }}
                    />
                  );
                })
              }
            </Geographies>
            <path d={compositionBordersPath(projection)} fill="none" stroke="#9ca3af" strokeWidth={1} />
          </ComposableMap>
        )}
        {tooltip && hovered && (
          <div
            role="tooltip"
            data-testid="map-tooltip"
            className="pointer-events-none absolute z-10 rounded-md border bg-white px-3 py-2 text-xs shadow-tremor-dropdown"
            style={{ left: tooltip.x + 12, top: tooltip.y + 12 }}
          >
            <div className="font-medium text-gray-900">{hovered.name}</div>
            <div className="text-gray-600">
              {hovered.href ? `${metric.label}: ${hovered.values[metric.key]?.display ?? labels.noData}` : labels.outOfScope}
            </div>
          </div>
        )}
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-600" data-testid="map-legend">
        {metric.legend.map((item) => (
          <li key={item.label} className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm border border-gray-200" style={{ backgroundColor: item.colour }} />
            {item.label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm border border-gray-200" style={{ backgroundColor: NO_DATA_FILL }} />
          {labels.noData}
        </li>
        {regions.some((r) => !r.href) && (
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm border border-gray-200" style={{ backgroundColor: OUT_OF_SCOPE_FILL }} />
            {labels.outOfScope}
          </li>
        )}
      </ul>
    </div>
  );
}
