package dev.metapilot.maze;

import dev.metapilot.maze.grid.GridMdp;
import dev.metapilot.maze.grid.GridTask;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One maze task: a layout with start and goal (both fixed for every episode of a trial) and its horizon, compiled into
 * a {@link GridMdp}.
 *
 * <p>
 * Created by {@link MazeTasks} and the maze file reader on the caller's thread; immutable and shared.
 */
public final class MazeTask implements GridTask {

    /** The spec id of every maze environment, whatever the size. */
    public static final String ENVIRONMENT_ID = "maze";

    private final String id;
    private final String kind;
    private final MazeLayout layout;
    private final GridMdp mdp;

    /**
     * @param kind {@code small}, {@code large} or {@code file}, for logs
     * @throws IllegalArgumentException when the goal cannot be reached or the maze is larger than
     *     {@link MazeObservation#MAX_SIDE}
     */
    public MazeTask(String id, String kind, MazeLayout layout, int horizon) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.layout = Objects.requireNonNull(layout, "layout is null");
        if (layout.grid().rows() > MazeObservation.MAX_SIDE || layout.grid().columns() > MazeObservation.MAX_SIDE) {
            throw new IllegalArgumentException("maze " + id + " is larger than " + MazeObservation.MAX_SIDE + "x"
                    + MazeObservation.MAX_SIDE);
        }
        this.mdp = new GridMdp(ENVIRONMENT_ID, layout.grid(), layout.start(), layout.goal(), horizon,
                MazeObservation.SIZE, MazeObservation.BUMP, MazeObservation.table(layout),
                MazeObservation.DISPLACEMENT);
    }

    @Override
    public String id() {
        return id;
    }

    /** {@code small}, {@code large} or {@code file}. */
    public String kind() {
        return kind;
    }

    public MazeLayout layout() {
        return layout;
    }

    @Override
    public GridMdp mdp() {
        return mdp;
    }

    /** Steps after which an episode is truncated. */
    public int horizon() {
        return mdp.horizon();
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind);
        p.put("rows", layout.grid().rows());
        p.put("columns", layout.grid().columns());
        p.put("start", List.of(layout.grid().row(layout.start()), layout.grid().column(layout.start())));
        p.put("goal", List.of(layout.grid().row(layout.goal()), layout.grid().column(layout.goal())));
        p.put("shortest-path", mdp.distanceToGoal(layout.start()));
        p.put("horizon", mdp.horizon());
        p.put("layout", layout.lines());
        return Collections.unmodifiableMap(p);
    }

    @Override
    public String toString() {
        return id + "\n" + layout;
    }
}
