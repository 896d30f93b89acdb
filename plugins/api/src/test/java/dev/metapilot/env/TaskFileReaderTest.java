package dev.metapilot.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task file that is not UTF-8 is refused as a {@link TaskFileException} at the first byte that is not, not with the
 * JDK's bare "Input length = 1".
 */
class TaskFileReaderTest {

    /** A reader that reads lines and accepts any text. */
    private static final TaskFileReader LINES = (source, in) -> {
        BufferedReader lines = new BufferedReader(in);
        while (lines.readLine() != null) {
            // read to the end
        }
        return List.of();
    };

    @TempDir
    Path tmp;

    @Test
    void aFileInAnotherEncodingIsRefusedAtItsFirstForeignByte() throws IOException {
        Path file = tmp.resolve("tasks.txt");
        Files.write(file, new byte[]{'S', '.', 'G', '\n', '.', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        TaskFileException e = catchThrowableOfType(TaskFileException.class, () -> LINES.read(file));
        assertThat(e.getMessage()).isEqualTo(file + ":2:5: the file is not UTF-8: byte 0xE9 cannot be read here; "
                + "save the file as UTF-8");
        assertThat(e.source()).isEqualTo(file.toString());
    }

    @Test
    void aCutMultiByteCharacterAtTheEndAndABomAreHandled() throws Exception {
        Path file = tmp.resolve("cut.txt");
        Files.write(file, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3});
        TaskFileException e = catchThrowableOfType(TaskFileException.class, () -> LINES.read(file));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).contains("byte 0xC3");
        Files.writeString(file, "\uFEFFcafé\n");
        assertThat(LINES.read(file)).isEmpty();
    }
}
