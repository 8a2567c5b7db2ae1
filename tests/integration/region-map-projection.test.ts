// The region map's projection: the shipped TopoJSON (public/maps) has the 19 communities and no
// Gibraltar, and Spain's composite projection puts every one of them — the Canary Islands in their
// inset included — inside the map's frame. (A unit test; it lives here because vitest only collects
// tests/, lib/ and ml/.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { geoPath } from "d3-geo";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { choropleth, NO_DATA_FILL, PALETTES } from "../../app/_components/map/choropleth";
import { compositionBordersPath, MAP_HEIGHT, MAP_WIDTH, regionFeatures, spainProjection } from "../../app/_components/map/spain-projection";
import { REGIONS } from "../../lib/geo/spain";

const topology = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../public/maps/spain-autonomous-regions.json"), "utf8")) as Topology;

describe("region map projection", () => {
  const features = regionFeatures(topology);
  const projection = spainProjection(features);
  const path2d = geoPath(projection);

  it("ships the 19 communities with INE codes, without Gibraltar", () => {
    expect(features.features.map((f) => String(f.id)).sort()).toEqual(REGIONS.map((r) => r.code));
  });

  it("puts every community, Canarias included, inside the frame", () => {
    for (const feature of features.features) {
      const [[x0, y0], [x1, y1]] = path2d.bounds(feature);
      expect(x1 - x0, `${feature.id} has a size`).toBeGreaterThan(0);
      expect(x0, `${feature.id} left`).toBeGreaterThanOrEqual(0);
      expect(y0, `${feature.id} top`).toBeGreaterThanOrEqual(0);
      expect(x1, `${feature.id} right`).toBeLessThanOrEqual(MAP_WIDTH);
      expect(y1, `${feature.id} bottom`).toBeLessThanOrEqual(MAP_HEIGHT);
    }
  });

  it("draws Canarias in the bottom-left inset, not 1,000 km away in the Atlantic", () => {
    const canarias = features.features.find((f) => String(f.id) === "05")!;
    const madrid = features.features.find((f) => String(f.id) === "13")!;
    const [cx, cy] = path2d.centroid(canarias);
    const [mx, my] = path2d.centroid(madrid);
    expect(cx).toBeLessThan(MAP_WIDTH / 2);
    expect(cy).toBeGreaterThan(MAP_HEIGHT * 0.6);
    expect(cx).toBeLessThan(mx);
    expect(cy).toBeGreaterThan(my);
    // The inset is a real part of the frame, not a speck.
    const [[x0, y0], [x1, y1]] = path2d.bounds(canarias);
    expect((x1 - x0) * (y1 - y0)).toBeGreaterThan(MAP_WIDTH * MAP_HEIGHT * 0.01);
  });

  it("rounds the inset's frame line, so server and browser render the same path", () => {
    const d = compositionBordersPath(projection);
    expect(d).toMatch(/^M/);
    expect(d).not.toMatch(/\d\.\d{2,}/);
  });
});

describe("choropleth classes", () => {
  it("spreads values over five equal classes and leaves missing values blank", () => {
    const { fills, classes } = choropleth([0, 10, 5, null, 9.99], "blue");
    expect(fills).toEqual([PALETTES.blue[0], PALETTES.blue[4], PALETTES.blue[2], NO_DATA_FILL, PALETTES.blue[4]]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10],
    ]);
  });

  it("classes counts in whole numbers, with fewer classes than colours when few values are possible", () => {
    const three = choropleth([0, 1, 2], "blue", { integer: true });
    expect(three.classes).toEqual([
      { colour: PALETTES.blue[0], from: 0, to: 0 },
      { colour: PALETTES.blue[2], from: 1, to: 1 },
      { colour: PALETTES.blue[4], from: 2, to: 2 },
    ]);
    expect(three.fills).toEqual([PALETTES.blue[0], PALETTES.blue[2], PALETTES.blue[4]]);
    const wide = choropleth([3, 40, 12, null], "red", { integer: true });
    expect(wide.classes.map((c) => [c.from, c.to])).toEqual([
      [3, 10],
      [11, 18],
      [19, 26],
      [27, 34],
      [35, 40],
    ]);
    expect(wide.fills).toEqual([PALETTES.red[0], PALETTES.red[4], PALETTES.red[1], NO_DATA_FILL]);
  });

  it("uses one class when every value is the same, none without values", () => {
    expect(choropleth([3, 3], "red").classes).toEqual([{ colour: PALETTES.red[2], from: 3, to: 3 }]);
    expect(choropleth([null], "red")).toEqual({ fills: [NO_DATA_FILL], classes: [] });
  });
});
