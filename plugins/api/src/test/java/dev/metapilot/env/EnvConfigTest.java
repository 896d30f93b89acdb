package dev.metapilot.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvConfigTest {

    private final List<ConfigOption> options = List.of(new ConfigOption("arms", "5", "number of arms"),
            new ConfigOption("pulls", "10", "pulls per trial"));

    @Test
    void fillsDefaultsAndAppliesOverrides() {
        EnvConfig c = EnvConfig.resolve("bandit", options, EnvConfig.parseAssignments("pulls=100"));
        assertThat(c.getInt("arms")).isEqualTo(5);
        assertThat(c.getInt("pulls")).isEqualTo(100);
        assertThat(c.toString()).isEqualTo("arms=5,pulls=100");
    }

    @Test
    void unknownKeyNamesTheValidOnes() {
        assertThatThrownBy(() -> EnvConfig.resolve("bandit", options, Map.of("arm", "3")))
                .hasMessage("plugin 'bandit' has no option 'arm'; valid: arms, pulls");
    }

    @Test
    void badValuesNameKeyAndValue() {
        EnvConfig c = EnvConfig.resolve("bandit", options, Map.of("arms", "many"));
        assertThatThrownBy(() -> c.getInt("arms"))
                .hasMessage("plugin 'bandit' option 'arms' must be an integer, got 'many'");
        assertThatThrownBy(() -> EnvConfig.parseAssignments("arms")).hasMessageContaining("expected key=value");
        assertThatThrownBy(() -> EnvConfig.parseAssignments("a=1,a=2")).hasMessageContaining("given twice");
    }
}
