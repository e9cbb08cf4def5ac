import { describe, expect, it } from 'vitest';
import { tileLayout } from './tile-map';

describe('tile map of the municipalities', () => {
  it('north at the top, west at the left, one square each', () => {
    const { tiles, rows, cols } = tileLayout([
      { id: 'north', lat: 52.4, lon: 8.5 },
      { id: 'south', lat: 52.0, lon: 8.5 },
      { id: 'west', lat: 52.2, lon: 8.0 },
      { id: 'east', lat: 52.2, lon: 9.0 },
    ]);
    const at = Object.fromEntries(tiles.map((t) => [t.id, t]));
    expect(at.north.row).toBeLessThan(at.south.row);
    expect(at.west.col).toBeLessThan(at.east.col);
    expect(new Set(tiles.map((t) => `${t.row}:${t.col}`)).size).toBe(4);
    expect(tiles.every((t) => t.row < rows && t.col < cols)).toBe(true);
  });
  it('two municipalities at the same point get neighbouring squares; no municipalities, no map', () => {
    const { tiles } = tileLayout([
      { id: 'a', lat: 52, lon: 8 },
      { id: 'b', lat: 52, lon: 8 },
    ]);
    expect(tiles[0]).not.toEqual({ ...tiles[1], id: tiles[0].id });
    expect(tileLayout([])).toEqual({ rows: 0, cols: 0, tiles: [] });
  });
});
