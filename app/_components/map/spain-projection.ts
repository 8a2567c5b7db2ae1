// The projection of the region map: Spain's conic conformal composite (the Canary Islands in an inset
// at the bottom left), fitted to the map's frame. Pure, so the browser, the server and a test all
// compute the same frame.
import { geoConicConformalSpain } from "d3-composite-projections";
import type { FeatureCollection, Geometry } from "geojson";
import type { GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 560;
/** Space kept free around the drawing, in map units. */
const MARGIN = 8;

/** The map file's communities as GeoJSON, ids = INE codes, without Gibraltar ("20"). */
export function regionFeatures(topology: Topology): FeatureCollection<Geometry, { name: string }> {
  const object = topology.objects.autonomous_regions as GeometryCollection<{ name: string }>;
  const collection = feature(topology, object) as FeatureCollection<Geometry, { name: string }>;
  return { ...collection, features: collection.features.filter((f) => String(f.id) !== "20") };
}

export function spainProjection(
  features: FeatureCollection,
  width = MAP_WIDTH,
  height = MAP_HEIGHT,
): GeoProjection & { getCompositionBorders: () => string } {
  return geoConicConformalSpain().fitExtent(
    [
      [MARGIN, MARGIN],
      [width - MARGIN, height - MARGIN],
    ],
    features,
  ) as GeoProjection & { getCompositionBorders: () => string };
}

/**
 * The inset's frame line. Server and browser compute the floats' last digits differently, which
 * React reports as a hydration mismatch: one decimal is plenty for a line on an 800-unit map.
 */
export function compositionBordersPath(projection: { getCompositionBorders: () => string }): string {
  return projection.getCompositionBorders().replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => (+n).toFixed(1));
}
