package dev.metapilot.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SpaceTest {

    @Property
    void discreteRoundTripsThroughText(@ForAll @IntRange(min = 1, max = 100_000) int n) {
        Space s = new Discrete(n);
        assertThat(Space.parse(s.toString())).isEqualTo(s);
        assertThat(s.flatSize()).isEqualTo(n);
    }

    @Property
    void boxRoundTripsThroughText(@ForAll("boxes") Box box) {
        assertThat(Space.parse(box.toString())).isEqualTo(box);
    }

    @Provide
    Arbitrary<Box> boxes() {
        Arbitrary<Float> bound = Arbitraries.oneOf(Arbitraries.floats().between(-1e6f, 1e6f),
                Arbitraries.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, Float.MIN_VALUE));
        return bound.array(float[].class).ofMinSize(1).ofMaxSize(8).map(a -> {
            float[] lo = new float[a.length];
            float[] hi = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                lo[i] = Math.min(a[i], -a[i]);
                hi[i] = Math.max(a[i], -a[i]);
            }
            return new Box(lo, hi);
        });
    }

    @Test
    void boxRejectsInvalidBounds() {
        assertThatThrownBy(() -> new Box(new float[]{1f}, new float[]{0f})).hasMessageContaining("low=1.0, high=0.0");
        assertThatThrownBy(() -> new Box(new float[]{0f, 0f}, new float[]{1f})).hasMessageContaining("2 dimensions");
        assertThatThrownBy(() -> new Box(new float[]{Float.NaN}, new float[]{1f})).hasMessageContaining("invalid");
        assertThatThrownBy(() -> new Box(new float[0], new float[0])).hasMessageContaining("at least one");
    }

    @Test
    void boxIsImmutableAndClamps() {
        float[] lo = {-1f, -2f};
        Box box = new Box(lo, new float[]{1f, 2f});
        lo[0] = 5f;
        assertThat(box.low(0)).isEqualTo(-1f);
        float[] x = {3f, -3f};
        box.clamp(x);
        assertThat(x).containsExactly(1f, -2f);
        assertThat(box.contains(x)).isTrue();
        assertThat(box.contains(new float[]{Float.NaN, 0f})).isFalse();
    }

    @Test
    void parseRejectsGarbageWithTheText() {
        assertThatThrownBy(() -> Space.parse("Tuple(3)")).hasMessageContaining("'Tuple(3)'");
        assertThatThrownBy(() -> Space.parse("Discrete(0)")).hasMessageContaining("n >= 1");
        assertThatThrownBy(() -> Space.parse("Box([1.0], [x])")).hasMessageContaining("not a space");
        assertThatThrownBy(() -> Space.parse("Box([1.0] [2.0])")).hasMessageContaining("expected ','");
    }
}
