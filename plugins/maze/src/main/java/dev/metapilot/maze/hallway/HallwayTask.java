package dev.metapilot.maze.hallway;

import dev.metapilot.maze.grid.GridMdp;
import dev.metapilot.maze.grid.GridTask;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One hallway task: which hallway holds the goal, and on which square of the start room the agent starts.
 *
 * <p>
 * Created by {@link HallwayTasks} once per configuration; immutable and shared by every trial that draws it.
 */
final class HallwayTask implements GridTask {

    static final String ENVIRONMENT_ID = "hallway";

    private final String id;
    private final int goalHallway;
    private final int startColumn;
    private final GridMdp mdp;

    HallwayTask(HallwayLayout layout, int goalHallway, int startColumn) {
        Objects.checkIndex(goalHallway, layout.hallways());
        Objects.checkIndex(startColumn, layout.width());
        this.id = "hallway-goal" + goalHallway + "-start" + startColumn;
        this.goalHallway = goalHallway;
        this.startColumn = startColumn;
        int start = layout.roomSquare(startColumn);
        this.mdp = new GridMdp(ENVIRONMENT_ID, layout.grid(), start, layout.hallwayEnd(goalHallway), layout.horizon(),
                layout.observationSize(), HallwayLayout.BUMP, layout.table(goalHallway, start), layout.displacement());
    }

    @Override
    public String id() {
        return id;
    }

    /** The hallway whose end is the goal, 0 the westmost. */
    int goalHallway() {
        return goalHallway;
    }

    /** The room column the agent starts on. */
    int startColumn() {
        return startColumn;
    }

    @Override
    public GridMdp mdp() {
        return mdp;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("goal-hallway", goalHallway);
        p.put("start-column", startColumn);
        p.put("shortest-path", mdp.distanceToGoal(mdp.start()));
        p.put("horizon", mdp.horizon());
        return Collections.unmodifiableMap(p);
    }

    @Override
    public String toString() {
        return id;
    }
}
