/**
 * A tile map of the municipalities (issue 15): the tenant holds a point (lat/lon) per municipality but no
 * borders, so each municipality becomes one labelled square on a grid, placed as near to its real position as
 * a free square allows (north at the top). Pure and deterministic: the same municipalities, the same map.
 */
export interface Tile {
  id: string;
  row: number;
  col: number;
}

export function tileLayout(points: readonly { id: string; lat: number; lon: number }[]): {
  rows: number;
  cols: number;
  tiles: Tile[];
} {
  if (points.length === 0) return { rows: 0, cols: 0, tiles: [] };
  const cols = Math.max(1, Math.ceil(Math.sqrt(points.length * 1.5)));
  const rows = Math.max(1, Math.ceil(points.length / cols) + 1);
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [latMin, latMax, lonMin, lonMax] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons),
  ];
  const ideal = (p: { lat: number; lon: number }) => ({
    r: latMax === latMin ? (rows - 1) / 2 : ((latMax - p.lat) / (latMax - latMin)) * (rows - 1),
    c: lonMax === lonMin ? (cols - 1) / 2 : ((p.lon - lonMin) / (lonMax - lonMin)) * (cols - 1),
  });
  const taken = new Set<string>();
  // North to south, west to east; ties by id, so the order never depends on the database.
  const order = [...points].sort((a, b) => b.lat - a.lat || a.lon - b.lon || (a.id < b.id ? -1 : 1));
  const tiles: Tile[] = [];
  for (const p of order) {
    const { r, c } = ideal(p);
    let best: { row: number; col: number; d: number } | null = null;
    for (let row = 0; row < rows; row++)
      for (let col = 0; col < cols; col++) {
        if (taken.has(`${row}:${col}`)) continue;
        const d = (row - r) ** 2 + (col - c) ** 2;
        if (!best || d < best.d) best = { row, col, d };
      }
    if (!best) break;
    taken.add(`${best.row}:${best.col}`);
    tiles.push({ id: p.id, row: best.row, col: best.col });
  }
  return { rows, cols, tiles };
}
