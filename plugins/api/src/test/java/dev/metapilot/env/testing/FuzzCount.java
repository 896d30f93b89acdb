package dev.metapilot.env.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How many inputs a fuzz target tries: {@link #value()} in every build, or the system property {@link #property()} when
 * it is set (the {@code fuzz} Maven profile raises them all; the README's "Safety and reliability" section lists every
 * target). On a jqwik {@code @Property} it sets the tries; plain tests read their count with {@link Tries#of}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@AddLifecycleHook(FuzzCount.Tries.class)
public @interface FuzzCount {

    /** The system property that overrides the count, named {@code MODULE.fuzz.INPUTS}, e.g. {@code maze.fuzz.files}. */
    String property();

    /** The count in an ordinary build: small enough for CI. */
    int value();

    /** Sets a property's tries from its {@link FuzzCount} before jqwik runs it; reads the counts of plain tests. */
    final class Tries implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.findAnnotation(FuzzCount.class).ifPresent(count -> context.attributes().setTries(of(count
                    .property(), count.value())));
            return property.execute();
        }

        /**
         * The count of a fuzz target: the system property {@code property} when set, else {@code ciCount}.
         *
         * @throws IllegalArgumentException when the property is set but is not a positive integer
         */
        public static int of(String property, int ciCount) {
            String set = System.getProperty(property);
            if (set == null || set.isBlank()) {
                return ciCount;
            }
            try {
                int n = Integer.parseInt(set.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("-D" + property + " must be a positive integer, got '" + set + "'");
        }
    }
}
