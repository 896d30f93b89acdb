package dev.metapilot.maze;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import dev.metapilot.maze.grid.Heading;

/**
 * The {@code explore} baseline: what a good meta-learner does without knowing the task. It maps the maze from its
 * observations only (walls, lines of sight, displacement from the start), walks to the nearest square it has not stood
 * on yet until the goal comes into sight, then goes straight to it; the map and the goal carry over to the trial's
 * later episodes, which therefore take the shortest path through the known part of the maze (the shortest path of all
 * in a perfect maze).
 *
 * <p>
 * Returned by the maze factory; each trial gets its own actor, called on the trial thread.
 */
final class FrontierExplorer implements Baseline {

    @Override
    public String name() {
        return "explore";
    }

    @Override
    public String description() {
        return "maps the maze from observations, explores nearest-first until the goal is seen, remembers it";
    }

    @Override
    public Actor start(Task task, long seed) {
        return new TrialMap();
    }

    /** The explorer's memory of one trial, in squares relative to the start. */
    private static final class TrialMap implements Actor {

        private static final int REACH = MazeObservation.MAX_SIDE;
        private static final int SIDE = 2 * REACH + 1;
        private static final byte UNKNOWN = 0;
        private static final byte FREE = 1;
        private static final byte WALL = 2;

        private final byte[] squares = new byte[SIDE * SIDE];
        private final boolean[] visited = new boolean[SIDE * SIDE];
        private final int[] queue = new int[SIDE * SIDE];
        private final byte[] firstMove = new byte[SIDE * SIDE];
        private final int[] reachedIn = new int[SIDE * SIDE];
        private int search;
        private int goal = -1;

        @Override
        public void act(StepInput input, Action out) {
            float[] o = input.observation();
            int row = REACH + MazeObservation.DISPLACEMENT.rows(o);
            int column = REACH + MazeObservation.DISPLACEMENT.columns(o);
            int here = row * SIDE + column;
            squares[here] = FREE;
            visited[here] = true;
            for (Heading h : Heading.values()) {
                int run = Math.round(o[MazeObservation.OPEN + h.ordinal()] * MazeObservation.SCALE);
                for (int k = 1; k <= run + 1; k++) {
                    mark(row + k * h.rowStep(), column + k * h.columnStep(), k <= run ? FREE : WALL);
                }
            }
            if (o[MazeObservation.GOAL_SEEN] == 1f) {
                goal = (row + Math.round(o[MazeObservation.GOAL_ROWS] * MazeObservation.SCALE)) * SIDE + column
                        + Math.round(o[MazeObservation.GOAL_COLUMNS] * MazeObservation.SCALE);
            }
            out.setIndex(nextMove(here));
        }

        private void mark(int row, int column, byte what) {
            if (row >= 0 && column >= 0 && row < SIDE && column < SIDE) {
                squares[row * SIDE + column] = what;
            }
        }

        /** Breadth-first over known free squares to the goal, or else to the nearest square not yet stood on. */
        private int nextMove(int here) {
            search++;
            int head = 0;
            int tail = 0;
            reachedIn[here] = search;
            queue[tail++] = here;
            while (head < tail) {
                int square = queue[head++];
                if (square != here && (goal >= 0 ? square == goal : !visited[square])) {
                    return firstMove[square];
                }
                for (Heading h : Heading.values()) {
                    int next = square + h.rowStep() * SIDE + h.columnStep();
                    if (squares[next] == FREE && reachedIn[next] != search) {
                        reachedIn[next] = search;
                        firstMove[next] = square == here ? (byte) h.action() : firstMove[square];
                        queue[tail++] = next;
                    }
                }
            }
            return Heading.NORTH.action();
        }
    }
}
