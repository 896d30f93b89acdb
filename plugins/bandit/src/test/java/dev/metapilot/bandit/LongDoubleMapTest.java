package dev.metapilot.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LongDoubleMapTest {

    @Property(tries = 50)
    void behavesLikeAHashMap(@ForAll @Size(max = 300) List<@LongRange(min = 1, max = 1_000) Long> keys) {
        LongDoubleMap map = new LongDoubleMap(300);
        Map<Long, Double> reference = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), i);
            reference.put(keys.get(i), (double) i);
        }
        assertThat(map.size()).isEqualTo(reference.size());
        for (long k = 1; k <= 1_000; k++) {
            Double expected = reference.get(k);
            if (expected == null) {
                assertThat(map.get(k)).isNaN();
            } else {
                assertThat(map.get(k)).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 20)
    void refusesNonPositiveKeysAndOverfilling(@ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long key) {
        LongDoubleMap map = new LongDoubleMap(2);
        assertThatThrownBy(() -> map.put(key, 1)).isInstanceOf(IllegalArgumentException.class);
        for (long k = 1; k <= 4; k++) {
            map.put(k, k);
        }
        assertThatThrownBy(() -> map.put(99, 1)).isInstanceOf(IllegalStateException.class);
    }
}
