package dev.metapilot.sim.emulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.locomotion.physics.DriveDynamics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator reads its dynamics with the locomotion plugin's task-file reader, and says what is wrong. */
class DynamicsFileTest {

    private static final String EXAMPLES = "../plugins/locomotion/examples/tasks.json";

    @TempDir
    Path tmp;

    @Test
    void readsATaskOfTheExampleFileByIdOrTheFirst() throws Exception {
        DynamicsFile first = DynamicsFile.read(EXAMPLES, null);
        assertThat(first.dynamics()).isEqualTo(DriveDynamics.NOMINAL);
        assertThat(first.source()).isEqualTo("tasks.json, task 'nominal-straight'");
        DynamicsFile loaded = DynamicsFile.read(EXAMPLES, "loaded-uphill-pulling-left");
        assertThat(loaded.dynamics().payloadKg()).isEqualTo(2.0);
        assertThat(loaded.dynamics().latencyTicks()).isEqualTo(2);
        assertThat(loaded.describeDynamics()).startsWith("payload_kg=2 left_gain=0.75 right_gain=1.1 deadband=0.12");
        assertThat(DynamicsFile.read("nominal", null).dynamics()).isEqualTo(DriveDynamics.NOMINAL);
    }

    @Test
    void namesTheProblem() throws Exception {
        assertThatThrownBy(() -> DynamicsFile.read(EXAMPLES, "flying")).hasMessageStartingWith(
                "no task 'flying' in " + EXAMPLES + "; its tasks: nominal-straight, loaded-uphill-pulling-left");
        assertThatThrownBy(() -> DynamicsFile.read(tmp.resolve("none.json").toString(), null)).hasMessageContaining(
                "does not exist");
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"tasks\": [{\"dynamics\": {\"payload_kg\": "
                + "\"heavy\"}, \"target\": {}}]}");
        assertThatThrownBy(() -> DynamicsFile.read(bad.toString(), null)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("bad.json:1:");
    }
}
