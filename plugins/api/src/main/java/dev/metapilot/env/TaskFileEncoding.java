package dev.metapilot.env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a task file stops being UTF-8, so that a file saved in another encoding is refused with its line and
 * column instead of the JDK's bare "Input length = 1". Called by {@link TaskFileReader#read(Path)} on the caller's
 * thread after decoding failed; stateless.
 */
final class TaskFileEncoding {

    private TaskFileEncoding() {}

    /** The error for {@code file}, at the first byte that is not UTF-8 (lines end at {@code \n}). */
    static TaskFileException notUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(8192);
        CharBuffer out = CharBuffer.allocate(8192);
        int line = 1;
        int column = 1;
        boolean first = true;
        try (InputStream bytes = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = bytes.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                in.position(in.position() + Math.max(n, 0));
                in.flip();
                CoderResult result;
                do {
                    result = decoder.decode(in, out, end);
                    out.flip();
                    while (out.hasRemaining()) {
                        char c = out.get();
                        if (c == '\n') {
                            line++;
                            column = 1;
                        } else if (!(first && c == '\uFEFF')) {
                            column++;
                        }
                        first = false;
                    }
                    out.clear();
                } while (result.isOverflow());
                if (result.isError()) {
                    return new TaskFileException(file.toString(), line, column, String.format(
                            "the file is not UTF-8: byte 0x%02X cannot be read here; save the file as UTF-8", in.get(in
                                    .position()) & 0xFF));
                }
                in.compact();
            }
        }
        return new TaskFileException(file.toString(), 1, 0, "the file is not UTF-8; save it as UTF-8");
    }
}
