package dev.metapilot.maze;

import dev.metapilot.env.TaskFileException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixtures: configured factories and mazes read from text. */
final class Mazes {

    private Mazes() {}

    static MazeFactory factory(String size) {
        MazePlugin plugin = new MazePlugin();
        return (MazeFactory) plugin.configure(Map.of("size", size));
    }

    /** The task of the single maze drawn in {@code lines}, read through a factory's file reader. */
    static MazeTask fileTask(String size, String... lines) {
        try {
            return (MazeTask) factory(size).taskFileReader().orElseThrow()
                    .read("test.txt", new StringReader(String.join("\n", lines) + "\n")).get(0);
        } catch (TaskFileException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The 8 rotations and reflections of a wall drawing, start and goal drawn as free squares. */
    static List<String> symmetries(List<String> lines) {
        List<String> out = new ArrayList<>();
        int rows = lines.size();
        int columns = lines.get(0).length();
        for (int s = 0; s < 8; s++) {
            boolean transpose = (s & 4) != 0;
            int outRows = transpose ? columns : rows;
            int outColumns = transpose ? rows : columns;
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < outRows; r++) {
                for (int c = 0; c < outColumns; c++) {
                    int sr = transpose ? c : r;
                    int sc = transpose ? r : c;
                    sr = (s & 1) != 0 ? rows - 1 - sr : sr;
                    sc = (s & 2) != 0 ? columns - 1 - sc : sc;
                    sb.append(lines.get(sr).charAt(sc) == '#' ? '#' : '.');
                }
                sb.append('\n');
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** The walls of a drawing up to rotation and reflection: the smallest of its 8 symmetric drawings. */
    static String canonicalWalls(List<String> lines) {
        return symmetries(lines).stream().min(String::compareTo).orElseThrow();
    }
}
