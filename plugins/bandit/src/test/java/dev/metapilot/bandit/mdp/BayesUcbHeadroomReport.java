package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.Rl2Statistics;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.env.testing.TrialHarness;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How much room the hand-made rules leave above {@code bayes-ucb} (the bar the tabular-MDP policies are held to):
 * variants that stop exploring in the last episodes (its width set to 0, or value iteration on the posterior-mean MDP
 * there), optimistic value iteration on the posterior (upper-bound rewards, mean transitions) in every step, and the
 * oracle in the last episodes (knows the MDP: a ceiling, not a rule), each paired with {@code bayes-ucb} on the same
 * TRAIN tasks and seeds. Not part of the normal build; run with
 * {@code ./mvnw -B -o -pl plugins/bandit test -Dtest=BayesUcbHeadroomReport -Dmetapilot.report=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "metapilot.report", matches = "true")
class BayesUcbHeadroomReport {

    private static final int TRIALS = 2000;

    @Test
    void headroomAboveBayesUcb() {
        StringBuilder out = new StringBuilder(
                "| n | rule | total reward | − bayes-ucb (paired, 95% CI) |\n|---|---|---|---|\n");
        for (int n : new int[]{10, 25}) {
            TabularMdpConfig config = new TabularMdpConfig(10, 5, n, 10);
            TabularMdpFactory factory = new TabularMdpFactory(config);
            BayesUcbBaseline bayesUcb = (BayesUcbBaseline) baseline(factory, BayesUcbBaseline.NAME);
            Baseline oracle = baseline(factory, "oracle");
            double c = bayesUcb.c();
            Map<String, Baseline> rules = new LinkedHashMap<>();
            rules.put("bayes-ucb (c " + c + ")", bayesUcb);
            for (int m : new int[]{1, 2, 3}) {
                rules.put("bayes-ucb, c 0 in the last " + m, rule(config, (task, seed) -> {
                    MdpPosterior p = BayesUcbBaseline.posterior(config);
                    return (in, a) -> a.setIndex(p.upperBoundAction(p.observe(in), in.episode() >= n - m ? 0 : c));
                }));
                rules.put("bayes-ucb, posterior-mean planning in the last " + m, planner(config, c, n - m, 0, false));
            }
            for (double width : new double[]{0.5, 1.0, 1.5}) {
                rules.put("optimistic value iteration (c " + width + ")", planner(config, width, 0, width, true));
            }
            BayesUcbBaseline commit = (BayesUcbBaseline) baseline(factory, BayesUcbBaseline.COMMIT_NAME);
            rules.put("bayes-ucb-commit, the baseline (m " + commit.commitEpisodes() + ", tuned)", commit);
            OptimisticPlanningBaseline vi = (OptimisticPlanningBaseline) baseline(factory,
                    OptimisticPlanningBaseline.NAME);
            rules.put("optimistic-vi, the baseline (c " + vi.c() + ", tuned)", vi);
            rules.put("bayes-ucb, the oracle in the last 1 (a ceiling)", rule(config, (task, seed) -> {
                MdpPosterior p = BayesUcbBaseline.posterior(config);
                Baseline.Actor o = oracle.start(task, seed);
                return (in, a) -> {
                    int state = p.observe(in);
                    if (in.episode() >= n - 1) {
                        o.act(in, a);
                    } else {
                        a.setIndex(p.upperBoundAction(state, c));
                    }
                };
            }));
            TrialHarness harness = new TrialHarness(factory);
            double[] reference = null;
            for (Map.Entry<String, Baseline> e : rules.entrySet()) {
                double[] r = Rl2Statistics.trialReturns(harness.run(e.getValue(), Split.TRAIN, TRIALS, n, 7));
                if (reference == null) {
                    reference = r;
                }
                double[] d = new double[r.length];
                for (int i = 0; i < r.length; i++) {
                    d[i] = r[i] - reference[i];
                }
                out.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %+.2f ± %.2f |%n", n, e.getKey(),
                        Rl2Statistics.mean(r), Rl2Statistics.mean(d), 1.96 * Rl2Statistics.standardError(d)));
            }
        }
        System.out.println("\n### Room above bayes-ucb (" + TRIALS + " TRAIN trials, seed 7)\n\n" + out);
    }

    private static Baseline baseline(TabularMdpFactory factory, String name) {
        return factory.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Value iteration each step on the posterior: from episode {@code from} on; before it, {@code bayes-ucb} of width
     * {@code c}; rewards are the upper bounds of width {@code width} when {@code optimistic}, else the means.
     */
    private static Baseline planner(TabularMdpConfig config, double c, int from, double width, boolean optimistic) {
        return rule(config, (task, seed) -> {
            MdpPosterior p = BayesUcbBaseline.posterior(config);
            ModelPlanner model = new ModelPlanner(config, p);
            SplittableRandom rng = new SplittableRandom(seed);
            return (in, a) -> {
                int state = p.observe(in);
                if (in.episode() < from) {
                    a.setIndex(p.upperBoundAction(state, c));
                    return;
                }
                if (optimistic) {
                    model.planOptimistic(width);
                } else {
                    model.planOnMean();
                }
                a.setIndex(model.bestAction(in.step(), state, rng));
            };
        });
    }

    private static Baseline rule(TabularMdpConfig config, BiFunction<Task, Long, Baseline.Actor> start) {
        return new Baseline() {
            @Override
            public String name() {
                return "rule";
            }

            @Override
            public String description() {
                return "a report's variant of bayes-ucb";
            }

            @Override
            public Actor start(Task task, long seed) {
                return start.apply(task, seed);
            }
        };
    }
}
