package org.passgenau.rank;

/**
 * The spatial layout of one segment's rows, so that the reach scan can decide whole areas at once
 * instead of testing every opportunity. {@link OpportunityColumns} stores its rows sorted by
 * {@link #key}: located opportunities by block (about 35 km square), within a block by cell (about
 * 2 km square), within a cell by segment doc id; remote work and places without coordinates come
 * last. Each block and cell has a centre and a radius on the unit sphere, so every row of it lies
 * within that radius of that centre: by the triangle inequality a person's chord to any of them is
 * within the radius of the chord to the centre. An area whose farthest point is surely within
 * reach is taken whole, one surely beyond reach is skipped, and only areas the limit crosses are
 * tested row by row.
 *
 * <p>The grid is fixed (0.02° of latitude by 0.03° of longitude per cell, 16 by 16 cells per
 * block); it only groups rows, and the radii are measured from the rows themselves, so the
 * decisions are exact anywhere on earth, near the poles and across the date line included.
 * Immutable; safe to share.
 */
final class ReachCells {

  private static final double CELL_LAT_DEGREES = 0.02;
  private static final double CELL_LON_DEGREES = 0.03;
  private static final int CELL_ROWS = (int) Math.ceil(180 / CELL_LAT_DEGREES);
  private static final int CELL_COLUMNS = (int) Math.ceil(360 / CELL_LON_DEGREES);
  /** Cells per block side, as a shift: 16. */
  private static final int BLOCK_SHIFT = 4;
  private static final int BLOCK_MASK = (1 << BLOCK_SHIFT) - 1;
  private static final int BLOCK_COLUMNS = (CELL_COLUMNS >> BLOCK_SHIFT) + 1;
  /** The key of remote work and places without coordinates: after every cell. */
  static final int UNLOCATED = Integer.MAX_VALUE;
  /**
   * Added to every measured radius: covers the rounding of the distance computations (about
   * 1e-16 on the unit sphere) many times over, and is 6 mm on the ground.
   */
  private static final double RADIUS_SLACK = 1e-9;

  /** Rows [0, locatedRows) lie in cells; rows from there on are remote or unlocated. */
  final int locatedRows;
  /** Block b holds cells [blockFirstCell[b], blockFirstCell[b + 1]). */
  final int[] blockFirstCell;
  /** Cell i holds rows [cellFirstRow[i], cellFirstRow[i + 1]). */
  final int[] cellFirstRow;
  /** Centre (x, y, z) and radius of each block, as chords on the unit sphere: 4 per block. */
  final double[] blockBounds;
  /** Centre and radius of each cell: 4 per cell. */
  final double[] cellBounds;

  private ReachCells(int locatedRows, int[] blockFirstCell, int[] cellFirstRow,
      double[] blockBounds, double[] cellBounds) {
    this.locatedRows = locatedRows;
    this.blockFirstCell = blockFirstCell;
    this.cellFirstRow = cellFirstRow;
    this.blockBounds = blockBounds;
    this.cellBounds = cellBounds;
  }

  int blocks() {
    return blockFirstCell.length - 1;
  }

  /**
   * The sort key of a place: block, then cell within the block; {@link #UNLOCATED} for remote work
   * and for NaN coordinates. Blocks are numbered row by row, so neighbouring blocks of a row of
   * blocks are neighbours in the layout too.
   */
  static int key(float lat, float lon, boolean remote) {
    if (remote || Float.isNaN(lat) || Float.isNaN(lon)) {
      return UNLOCATED;
    }
    int row = clamp((int) Math.floor((lat + 90.0) / CELL_LAT_DEGREES), CELL_ROWS);
    int column = clamp((int) Math.floor((lon + 180.0) / CELL_LON_DEGREES), CELL_COLUMNS);
    int block = (row >> BLOCK_SHIFT) * BLOCK_COLUMNS + (column >> BLOCK_SHIFT);
    return block << (2 * BLOCK_SHIFT) | (row & BLOCK_MASK) << BLOCK_SHIFT | (column & BLOCK_MASK);
  }

  private static int clamp(int index, int count) {
    return Math.max(0, Math.min(count - 1, index));
  }

  /**
   * The cells and blocks of rows that are sorted by {@code keys} (one per row, ascending), with
   * the rows' points on the unit sphere.
   */
  static ReachCells of(int[] keys, float[] x, float[] y, float[] z) {
    int n = keys.length;
    int located = 0;
    int cells = 0;
    int blocks = 0;
    for (int r = 0; r < n && keys[r] != UNLOCATED; r++) {
      located++;
      if (r == 0 || keys[r] != keys[r - 1]) {
        cells++;
      }
      if (r == 0 || block(keys[r]) != block(keys[r - 1])) {
        blocks++;
      }
    }
    int[] cellFirstRow = new int[cells + 1];
    int[] blockFirstCell = new int[blocks + 1];
    double[] cellBounds = new double[4 * cells];
    double[] blockBounds = new double[4 * blocks];
    int cell = -1;
    int block = -1;
    for (int r = 0; r < located; r++) {
      if (r == 0 || keys[r] != keys[r - 1]) {
        cellFirstRow[++cell] = r;
        centre(keys[r], false, cellBounds, cell);
      }
      if (r == 0 || block(keys[r]) != block(keys[r - 1])) {
        blockFirstCell[++block] = cell;
        centre(keys[r], true, blockBounds, block);
      }
      widen(cellBounds, cell, x[r], y[r], z[r]);
      widen(blockBounds, block, x[r], y[r], z[r]);
    }
    cellFirstRow[cells] = located;
    blockFirstCell[blocks] = cells;
    for (int i = 3; i < cellBounds.length; i += 4) {
      cellBounds[i] += RADIUS_SLACK;
    }
    for (int i = 3; i < blockBounds.length; i += 4) {
      blockBounds[i] += RADIUS_SLACK;
    }
    return new ReachCells(located, blockFirstCell, cellFirstRow, blockBounds, cellBounds);
  }

  private static int block(int key) {
    return key >>> (2 * BLOCK_SHIFT);
  }

  /** Writes the geometric centre of the cell or block of {@code key} as a unit vector, radius 0. */
  private static void centre(int key, boolean wholeBlock, double[] bounds, int i) {
    int block = block(key);
    int row = (block / BLOCK_COLUMNS) << BLOCK_SHIFT;
    int column = (block % BLOCK_COLUMNS) << BLOCK_SHIFT;
    double rows = 1;
    double columns = 1;
    if (wholeBlock) {
      rows = 1 << BLOCK_SHIFT;
      columns = 1 << BLOCK_SHIFT;
    } else {
      row += (key >>> BLOCK_SHIFT) & BLOCK_MASK;
      column += key & BLOCK_MASK;
    }
    double phi = Math.toRadians(-90.0 + (row + rows / 2) * CELL_LAT_DEGREES);
    double lambda = Math.toRadians(-180.0 + (column + columns / 2) * CELL_LON_DEGREES);
    bounds[4 * i] = Math.cos(phi) * Math.cos(lambda);
    bounds[4 * i + 1] = Math.cos(phi) * Math.sin(lambda);
    bounds[4 * i + 2] = Math.sin(phi);
    bounds[4 * i + 3] = 0;
  }

  /** Grows the radius of area {@code i} to take in the point (x, y, z). */
  private static void widen(double[] bounds, int i, float x, float y, float z) {
    double dx = x - bounds[4 * i];
    double dy = y - bounds[4 * i + 1];
    double dz = z - bounds[4 * i + 2];
    bounds[4 * i + 3] = Math.max(bounds[4 * i + 3], Math.sqrt(dx * dx + dy * dy + dz * dz));
  }

  /** Memory held, for {@link OpportunityColumns#checksum}. */
  long checksum() {
    long sum = locatedRows;
    for (int v : blockFirstCell) {
      sum += v;
    }
    for (int v : cellFirstRow) {
      sum += v;
    }
    for (double v : blockBounds) {
      sum += Double.doubleToRawLongBits(v);
    }
    for (double v : cellBounds) {
      sum += Double.doubleToRawLongBits(v);
    }
    return sum;
  }
}
