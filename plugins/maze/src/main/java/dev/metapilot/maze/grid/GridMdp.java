package dev.metapilot.maze.grid;

import java.util.Objects;

/**
 * One grid task compiled for speed: the move table, the full observation of every square (all but the bump flag),
 * start, goal, horizon and the shortest-path routing to the goal, so that a step is a table look-up and an array copy.
 *
 * <p>
 * Built once per task by the plugin's task code on the caller's thread; immutable, shared by every environment and
 * oracle that runs the task.
 */
public final class GridMdp {

    private final String environmentId;
    private final Grid grid;
    private final int start;
    private final int goal;
    private final int horizon;
    private final int observationSize;
    private final int bumpIndex;
    private final float[] observations;
    private final Displacement displacement;
    private final int[] moves;
    private final int[] distanceToGoal;
    private final byte[] towardGoal;

    /**
     * @param environmentId the spec id of the environments that may run this task
     * @param observations row-major per square, {@code observationSize} floats each, bump flag 0; copied
     * @param bumpIndex observation index of the flag "the last action hit a wall", or -1 when there is none
     * @param displacement where the observation carries the displacement from {@code start}
     * @throws IllegalArgumentException for a start or goal on a wall, equal to each other, or a goal out of reach
     */
    public GridMdp(String environmentId, Grid grid, int start, int goal, int horizon, int observationSize,
            int bumpIndex, float[] observations, Displacement displacement) {
        this.environmentId = Objects.requireNonNull(environmentId, "environmentId is null");
        this.grid = Objects.requireNonNull(grid, "grid is null");
        this.displacement = Objects.requireNonNull(displacement, "displacement is null");
        Objects.requireNonNull(observations, "observations is null");
        Objects.checkIndex(start, grid.size());
        Objects.checkIndex(goal, grid.size());
        if (grid.isWall(start) || grid.isWall(goal)) {
            throw new IllegalArgumentException("start and goal must be free squares");
        }
        if (start == goal) {
            throw new IllegalArgumentException("start and goal are the same square " + start);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        if (observationSize < 1 || observations.length != grid.size() * observationSize) {
            throw new IllegalArgumentException("expected " + grid.size() + " observation rows of " + observationSize
                    + " floats, got " + observations.length + " floats");
        }
        if (bumpIndex < -1 || bumpIndex >= observationSize) {
            throw new IllegalArgumentException("bumpIndex out of range: " + bumpIndex);
        }
        this.start = start;
        this.goal = goal;
        this.horizon = horizon;
        this.observationSize = observationSize;
        this.bumpIndex = bumpIndex;
        this.observations = observations.clone();
        this.moves = grid.moveTable();
        this.distanceToGoal = grid.distancesTo(goal);
        if (distanceToGoal[start] < 0) {
            throw new IllegalArgumentException("the goal cannot be reached from the start");
        }
        this.towardGoal = new byte[grid.size()];
        for (int square = 0; square < grid.size(); square++) {
            towardGoal[square] = -1;
            int d = distanceToGoal[square];
            for (int a = 0; a < 4 && d > 0 && towardGoal[square] < 0; a++) {
                if (distanceToGoal[moves[square * 4 + a]] == d - 1) {
                    towardGoal[square] = (byte) a;
                }
            }
        }
    }

    public String environmentId() {
        return environmentId;
    }

    public Grid grid() {
        return grid;
    }

    public int start() {
        return start;
    }

    public int goal() {
        return goal;
    }

    /** Steps after which an episode of this task is truncated. */
    public int horizon() {
        return horizon;
    }

    public int observationSize() {
        return observationSize;
    }

    /** Observation index of the bump flag, or -1. */
    public int bumpIndex() {
        return bumpIndex;
    }

    public Displacement displacement() {
        return displacement;
    }

    /** Shortest number of steps from {@code square} to the goal; -1 when it cannot reach it. */
    public int distanceToGoal(int square) {
        return distanceToGoal[square];
    }

    /** The action of a shortest path from {@code square} to the goal; -1 on the goal and where it is out of reach. */
    public int actionTowardGoal(int square) {
        return towardGoal[square];
    }

    /** The agent's square read back from an observation of this task. */
    public int squareOf(float[] observation) {
        int row = grid.row(start) + displacement.rows(observation);
        int column = grid.column(start) + displacement.columns(observation);
        if (grid.isWall(row, column)) {
            throw new IllegalStateException("observation places the agent on a wall or off the grid at row " + row
                    + ", column " + column);
        }
        return grid.square(row, column);
    }

    /** Copies the observation of {@code square} (bump flag 0) into {@code out}. */
    public void writeObservation(int square, float[] out) {
        System.arraycopy(observations, square * observationSize, out, 0, observationSize);
    }

    /** The live move table; {@link GridEnvironment} reads it on the hot path and never writes it. */
    int[] moves() {
        return moves;
    }

    /** The live observation rows; {@link GridEnvironment} reads them on the hot path and never writes them. */
    float[] observations() {
        return observations;
    }
}
