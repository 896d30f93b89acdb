package dev.metapilot.robot;

import dev.metapilot.robot.io.OperatorGate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The {@code enter} operator gate: prints the prompt and waits for a line on the agent's console. The wait is a
 * blocking read that the control loop cannot interrupt (a signal still ends the process, with a safe stop).
 *
 * <p>
 * Called by the environment's control thread in {@code reset}; the reader is opened on first use.
 */
final class ConsoleOperator implements OperatorGate {

    private final InputStream in;
    private final PrintStream out;
    private BufferedReader reader;

    ConsoleOperator(InputStream in, PrintStream out) {
        this.in = Objects.requireNonNull(in, "in is null");
        this.out = Objects.requireNonNull(out, "out is null");
    }

    /**
     * @throws IllegalStateException when the console is closed (no operator: use {@code operator-button=none})
     */
    @Override
    public synchronized void await(String prompt) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        out.println(prompt + ": press Enter");
        out.flush();
        try {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
            }
            if (reader.readLine() == null) {
                throw new IllegalStateException("the console is closed, so no operator can press Enter; run with "
                        + "operator-button=none or from a terminal");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console", e);
        }
    }
}
