package dev.metapilot.maze.grid;

/**
 * Where an observation carries the agent's displacement from the episode's start square, and in which units: the
 * observation holds {@code columns moved / columnScale} at {@code columnIndex} and {@code rows moved / rowScale} at
 * {@code rowIndex} (east and south positive).
 *
 * <p>
 * Used by observation builders to write it and by baselines to read the agent's square back exactly; immutable.
 *
 * @param columnIndex observation index of the column displacement
 * @param rowIndex observation index of the row displacement
 * @param columnScale squares per observation unit along a row
 * @param rowScale squares per observation unit along a column
 */
public record Displacement(int columnIndex, int rowIndex, float columnScale, float rowScale) {

    public Displacement {
        if (columnIndex < 0 || rowIndex < 0 || columnIndex == rowIndex) {
            throw new IllegalArgumentException(
                    "indices must be distinct and >= 0, got " + columnIndex + ", " + rowIndex);
        }
        if (!(columnScale > 0) || !(rowScale > 0)) {
            throw new IllegalArgumentException("scales must be > 0, got " + columnScale + ", " + rowScale);
        }
    }

    /** Writes a displacement of {@code columns} and {@code rows} squares into {@code row} at {@code offset}. */
    public void write(float[] row, int offset, int columns, int rows) {
        row[offset + columnIndex] = columns / columnScale;
        row[offset + rowIndex] = rows / rowScale;
    }

    /** Columns moved east of the start, read back from an observation. */
    public int columns(float[] observation) {
        return Math.round(observation[columnIndex] * columnScale);
    }

    /** Rows moved south of the start, read back from an observation. */
    public int rows(float[] observation) {
        return Math.round(observation[rowIndex] * rowScale);
    }
}
