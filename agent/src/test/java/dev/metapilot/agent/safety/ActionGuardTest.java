package dev.metapilot.agent.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.TaskDistribution;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ActionGuardTest {

    private static EnvironmentFactory boxFactory() {
        EnvSpec spec = new EnvSpec("motors", new Box(new float[]{0f}, new float[]{1f}), new Box(new float[]{-1f,
                0.2f}, new float[]{1f, 1f}), 10, 1);
        return new EnvironmentFactory() {
            public EnvSpec spec() {
                return spec;
            }

            public TaskDistribution tasks() {
                throw new UnsupportedOperationException();
            }

            public Environment create() {
                throw new UnsupportedOperationException();
            }

            public List<Baseline> baselines() {
                return List.of();
            }
        };
    }

    private final EnvironmentFactory factory = boxFactory();

    @Test
    void nanGivesTheSafeActionAndCountsAFault() {
        ActionGuard guard = new ActionGuard(factory, new ActionGuard.Settings(2, 0f));
        Action a = Action.of(factory.spec().actionSpace());
        a.values()[0] = Float.NaN;
        assertThat(guard.check(true, a)).isEqualTo(ActionGuard.Verdict.FAULT);
        // The default safe action: zero clamped into the box.
        assertThat(a.values()).containsExactly(0f, 0.2f);
        assertThat(guard.tripped()).isFalse();
        a.values()[1] = Float.POSITIVE_INFINITY;
        guard.check(true, a);
        assertThat(guard.tripped()).isTrue();
        guard.beginTrial();
        assertThat(guard.faults()).isZero();
    }

    @Test
    void aPolicyReportingBadOutputsIsAFaultEvenWithAFiniteAction() {
        ActionGuard guard = new ActionGuard(factory, ActionGuard.Settings.DEFAULT);
        Action a = Action.of(factory.spec().actionSpace());
        a.values()[0] = 0.5f;
        a.values()[1] = 0.5f;
        assertThat(guard.check(false, a)).isEqualTo(ActionGuard.Verdict.FAULT);
        assertThat(a.values()).containsExactly(0f, 0.2f);
    }

    @Test
    void clampsAndRateLimits() {
        ActionGuard guard = new ActionGuard(factory, new ActionGuard.Settings(3, 0.25f));
        Action a = Action.of(factory.spec().actionSpace());
        a.values()[0] = 5f;
        a.values()[1] = 0.3f;
        assertThat(guard.check(true, a)).isEqualTo(ActionGuard.Verdict.ADJUSTED);
        assertThat(a.values()).containsExactly(0.25f, 0.3f);
        a.values()[0] = 5f;
        guard.check(true, a);
        assertThat(a.values()[0]).isEqualTo(0.5f);
        a.values()[0] = 0.6f;
        a.values()[1] = 0.4f;
        assertThat(guard.check(true, a)).isEqualTo(ActionGuard.Verdict.OK);
    }

    @Property
    void everyCheckedActionIsInsideTheSpace(@ForAll float x, @ForAll float y, @ForAll boolean ok) {
        ActionGuard guard = new ActionGuard(factory, new ActionGuard.Settings(1_000, 0.1f));
        Action a = Action.of(factory.spec().actionSpace());
        a.values()[0] = x;
        a.values()[1] = y;
        guard.check(ok, a);
        assertThat(((Box) factory.spec().actionSpace()).contains(a.values())).isTrue();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new ActionGuard.Settings(0, 0f)).hasMessageContaining("maxFaults");
        assertThatThrownBy(() -> new ActionGuard.Settings(1, Float.NaN)).hasMessageContaining("maxDeltaPerStep");
    }
}
