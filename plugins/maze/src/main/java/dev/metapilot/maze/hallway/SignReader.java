package dev.metapilot.maze.hallway;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import dev.metapilot.maze.grid.Displacement;
import dev.metapilot.maze.grid.Heading;
import java.util.Objects;

/**
 * The {@code explore} baseline of the hallway: the information-seeking policy DREAM's exploration episode aims for. It
 * knows the map of the configuration but not the task: it walks west along the room to the sign, reads it, then goes to
 * the end of that hallway; later episodes of the trial go straight there, since it remembers the goal.
 *
 * <p>
 * Returned by the hallway factory; each trial gets its own actor, called on the trial thread. It finds itself from the
 * observation only (displacement from the start and walls), never from the task.
 */
final class SignReader implements Baseline {

    private final HallwayLayout layout;

    SignReader(HallwayLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout is null");
    }

    @Override
    public String name() {
        return "explore";
    }

    @Override
    public String description() {
        return "walks to the sign, reads it, goes to that hallway's end and remembers it";
    }

    @Override
    public Actor start(Task task, long seed) {
        return new Actor() {

            private boolean known;
            private int goalColumns;

            @Override
            public void act(StepInput input, Action out) {
                float[] o = input.observation();
                Displacement d = layout.displacement();
                int columns = d.columns(o);
                int rows = d.rows(o);
                for (int i = 0; i < layout.hallways() && !known; i++) {
                    if (o[HallwayLayout.SIGN + i] == 1f) {
                        known = true;
                        goalColumns = columns + 2 * i;
                    }
                }
                out.setIndex(known ? towardGoal(columns, rows) : towardSign(o, rows));
            }

            /** Rows are counted from the start, which is in the room: 0 in the room, below 0 in a hallway. */
            private int towardGoal(int columns, int rows) {
                if (columns == goalColumns || rows > 0) {
                    return Heading.NORTH.action();
                }
                if (rows < 0) {
                    return Heading.SOUTH.action();
                }
                return (columns < goalColumns ? Heading.EAST : Heading.WEST).action();
            }

            private int towardSign(float[] o, int rows) {
                if (rows != 0) {
                    return (rows < 0 ? Heading.SOUTH : Heading.NORTH).action();
                }
                boolean westEnd = o[HallwayLayout.WALL + Heading.WEST.ordinal()] == 1f;
                return (westEnd ? Heading.SOUTH : Heading.WEST).action();
            }
        };
    }
}
