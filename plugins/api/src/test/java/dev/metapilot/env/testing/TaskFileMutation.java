package dev.metapilot.env.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random damage to a valid task file, for the plugins' task file fuzz tests: edits of its text (deleted, repeated and
 * inserted lines, spliced fragments, a token of the format replaced), then edits of its UTF-8 bytes (flipped bits, set
 * bytes, truncation). Positions are fractions of the current length, so a mutation applies to any file; the records
 * print what they did when a property fails. Test code, immutable.
 *
 * @param text the text edits, in order
 * @param bytes the byte edits, in order, after the text edits
 */
public record TaskFileMutation(List<TextEdit> text, List<ByteEdit> bytes) {

    /** Fragments that break parsers: controls, odd unicode, numbers no double holds, deep nesting, a long line. */
    public static final List<String> NASTY = List.of("", " ", "\t", "\r", "\n", "\r\n", "\u0000", "\u007F", "é",
            "\uD83D\uDE00", "\uFEFF", "\u2028", "\uFFFD", "\\", "\"", "'", "1" + "0".repeat(400), "1e400", "-1e400",
            "1e-400", "NaN", "-Infinity", "0x1F", "-0", "9223372036854775808", "[".repeat(300), "{\"a\":".repeat(
                    200),
            "]".repeat(50), "#".repeat(5000), " ".repeat(3000));

    public TaskFileMutation {
        text = List.copyOf(text);
        bytes = List.copyOf(bytes);
    }

    /** The damaged file. */
    public byte[] apply(String valid) {
        String t = valid;
        for (TextEdit e : text) {
            t = e.apply(t);
        }
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        for (ByteEdit e : bytes) {
            b = e.apply(b);
        }
        return b;
    }

    /**
     * Mutations of up to four text edits and up to three byte edits, most of them small.
     *
     * @param token a token of the format that {@link ReplaceToken} replaces, e.g. a JSON number
     * @param fragments what inserted lines, splices and token replacements put in, besides {@link #NASTY}
     */
    public static Arbitrary<TaskFileMutation> arbitrary(Pattern token, List<String> fragments) {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.of(fragments), Arbitraries
                .strings().ofMaxLength(8));
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<TextEdit> textEdit = Arbitraries.oneOf(where.map(DeleteLine::new), Combinators.combine(where,
                Arbitraries.integers().between(1, 50)).as(RepeatLine::new), Combinators.combine(where, fragment).as(
                        InsertLine::new),
                Combinators.combine(where, Arbitraries.integers().between(0, 20), fragment)
                        .as(Splice::new),
                Combinators.combine(where, fragment).as((w, f) -> new ReplaceToken(token, w, f)));
        Arbitrary<ByteEdit> byteEdit = Arbitraries.oneOf(Combinators.combine(where, Arbitraries.integers().between(0,
                7)).as(FlipBit::new), Combinators.combine(where, Arbitraries.bytes()).as(SetByte::new), where.map(
                        Truncate::new));
        return Combinators.combine(textEdit.list().ofMaxSize(4), byteEdit.list().ofMaxSize(3)).filter((t, b) -> !t
                .isEmpty() || !b.isEmpty()).as(TaskFileMutation::new);
    }

    /**
     * Mutations that replace one to three tokens of the format by {@code replacements} and do nothing else: with tokens
     * and replacements that are values of the format, the damaged file stays well-formed and reaches the reader's
     * checks of fields, types and ranges.
     */
    public static Arbitrary<TaskFileMutation> tokens(Pattern token, List<String> replacements) {
        Arbitrary<TextEdit> replace = Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.of(
                replacements)).as((w, r) -> new ReplaceToken(token, w, r));
        return replace.list().ofMinSize(1).ofMaxSize(3).map(edits -> new TaskFileMutation(edits, List.of()));
    }

    /** An edit of the file's text. */
    public sealed interface TextEdit permits DeleteLine, RepeatLine, InsertLine, Splice, ReplaceToken {

        String apply(String text);
    }

    /** An edit of the file's bytes. */
    public sealed interface ByteEdit permits FlipBit, SetByte, Truncate {

        byte[] apply(byte[] file);
    }

    /** Deletes the line at {@code where}. */
    public record DeleteLine(double where) implements TextEdit {
        @Override
        public String apply(String text) {
            List<String> lines = Arrays.asList(text.split("\n", -1));
            int at = index(where, lines.size());
            return String.join("\n", concat(lines.subList(0, at), lines.subList(Math.min(at + 1, lines.size()), lines
                    .size())));
        }
    }

    /** Repeats the line at {@code where} so that it appears {@code times + 1} times. */
    public record RepeatLine(double where, int times) implements TextEdit {
        @Override
        public String apply(String text) {
            List<String> lines = Arrays.asList(text.split("\n", -1));
            int at = index(where, lines.size());
            String line = lines.get(at) + "\n";
            return String.join("\n", lines.subList(0, at)) + (at > 0 ? "\n" : "") + line.repeat(times) + String.join(
                    "\n", lines.subList(at, lines.size()));
        }
    }

    /** Inserts {@code line} as a line of its own before the line at {@code where}. */
    public record InsertLine(double where, String line) implements TextEdit {
        @Override
        public String apply(String text) {
            List<String> lines = Arrays.asList(text.split("\n", -1));
            int at = index(where, lines.size() + 1);
            return String.join("\n", concat(concat(lines.subList(0, at), List.of(line)), lines.subList(at, lines
                    .size())));
        }
    }

    /** Deletes up to {@code delete} characters at {@code where} and puts {@code insert} there. */
    public record Splice(double where, int delete, String insert) implements TextEdit {
        @Override
        public String apply(String text) {
            int at = index(where, text.length() + 1);
            return text.substring(0, at) + insert + text.substring(Math.min(text.length(), at + delete));
        }
    }

    /** Replaces the occurrence of {@code token} at {@code which} (a fraction of all occurrences) by {@code with}. */
    public record ReplaceToken(Pattern token, double which, String with) implements TextEdit {
        @Override
        public String apply(String text) {
            List<int[]> found = token.matcher(text).results().map(r -> new int[]{r.start(), r.end()}).toList();
            if (found.isEmpty()) {
                return text;
            }
            int[] at = found.get(index(which, found.size()));
            return text.substring(0, at[0]) + with + text.substring(at[1]);
        }
    }

    /** Flips bit {@code bit} of the byte at {@code where}. */
    public record FlipBit(double where, int bit) implements ByteEdit {
        @Override
        public byte[] apply(byte[] file) {
            if (file.length == 0) {
                return file;
            }
            byte[] out = file.clone();
            out[index(where, file.length)] ^= (byte) (1 << bit);
            return out;
        }
    }

    /** Sets the byte at {@code where} to {@code value}. */
    public record SetByte(double where, byte value) implements ByteEdit {
        @Override
        public byte[] apply(byte[] file) {
            if (file.length == 0) {
                return file;
            }
            byte[] out = file.clone();
            out[index(where, file.length)] = value;
            return out;
        }
    }

    /** Keeps the first fraction {@code keep} of the bytes. */
    public record Truncate(double keep) implements ByteEdit {
        @Override
        public byte[] apply(byte[] file) {
            return Arrays.copyOf(file, index(keep, file.length + 1));
        }
    }

    private static int index(double fraction, int size) {
        return Math.min(size - 1, (int) (fraction * size));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
