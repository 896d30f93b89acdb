package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.random.SplitMix64;
import dev.metapilot.env.Action;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tabular MDP stepped by one trial thread: episodes start in state 0, a step pays the (state, action) mean plus unit
 * Gaussian noise and moves to a next state drawn from the task's transition row, and the episode is truncated after
 * {@code horizon} steps. The observation is the one-hot of the state.
 *
 * <p>
 * Rewards and transitions are drawn from a stream seeded by the task and the seed passed to {@link #reset}, so a fixed
 * seed repeats the episode. {@code reset} and {@code step} allocate nothing.
 */
public final class TabularMdpEnvironment implements Environment, PrivilegedFeatures {

    private final EnvSpec spec;
    private final int states;
    private final int actions;
    private final int horizon;
    private final double[] rewardMeans;
    private final double[] cumulative;
    private final double[] transitions;
    private final FiniteHorizonPlanner planner;
    /** The expert, the {@code greedy} baseline: its estimate of the task from this trial's steps, and its plan. */
    private final MdpPosterior estimate;
    private final FiniteHorizonPlanner expertPlanner;
    private final double[] estimatedRewards;
    private final double[] estimatedTransitions;
    /** The expert's plan is not yet solved for this episode (only readers of the features pay for value iteration). */
    private boolean expertPlanStale = true;
    /**
     * The upper-bound expert's ({@code bayes-ucb} or {@code bayes-ucb-commit}) belief from this trial's steps, or null
     * when the expert is {@code greedy}.
     */
    private final MdpPosterior upperBoundBelief;
    /** The upper-bound expert's width in posterior standard deviations. */
    private final double upperBoundWidth;
    /** The first episode (0-based) in which the upper-bound expert's width is 0: the trial's length for bayes-ucb. */
    private final int commitFrom;
    /** The running episode of the trial: -1 after {@code setTask}, counted up by each {@code reset}. */
    private int episode;
    /** 0: the {@code bayes-ucb} expert's choice as a one-hot; T > 0: the softmax of its upper bounds / T. */
    private final double expertTemperature;
    private final double[] bounds;
    private final SplitMix64 rng = new SplitMix64(0);
    private long taskSalt;
    private boolean hasTask;
    private int state;
    private int t;
    private boolean episodeOpen;

    /**
     * @param expertWidth the upper-bound expert's width when the config names {@code bayes-ucb} or
     *     {@code bayes-ucb-commit} (ignored otherwise)
     * @param expertCommit with {@code bayes-ucb-commit}: the number of final episodes of a trial in which the expert's
     *     width is 0 (ignored otherwise)
     */
    TabularMdpEnvironment(EnvSpec spec, TabularMdpConfig config, double expertWidth, int expertCommit) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.states = config.states();
        this.actions = config.actions();
        this.horizon = config.horizon();
        this.rewardMeans = new double[states * actions];
        this.cumulative = new double[states * actions * states];
        this.transitions = new double[states * actions * states];
        this.planner = new FiniteHorizonPlanner(states, actions, horizon);
        this.estimate = CertaintyEquivalenceBaseline.estimate(config);
        this.expertPlanner = new FiniteHorizonPlanner(states, actions, horizon);
        this.estimatedRewards = new double[states * actions];
        this.estimatedTransitions = new double[states * actions * states];
        boolean committing = config.expert().equals(BayesUcbBaseline.COMMIT_NAME);
        if (committing && expertCommit < 0) {
            throw new IllegalArgumentException("the bayes-ucb-commit expert needs a final-episode count >= 0, got "
                    + expertCommit);
        }
        this.commitFrom = committing
                ? config.episodes() - expertCommit
                : Integer.MAX_VALUE;
        if (config.upperBoundExpert()) {
            if (!(expertWidth >= 0 && Double.isFinite(expertWidth))) {
                throw new IllegalArgumentException("the " + config.expert() + " expert needs a finite width >= 0, got "
                        + expertWidth);
            }
            this.upperBoundBelief = BayesUcbBaseline.posterior(config);
        } else {
            this.upperBoundBelief = null;
        }
        this.upperBoundWidth = expertWidth;
        this.expertTemperature = config.expertTemperature();
        this.bounds = new double[actions];
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public void setTask(Task task) {
        if (!(task instanceof TabularMdpTask mdp)) {
            throw new IllegalArgumentException("tabular-mdp environment needs a tabular-mdp task, got " + task);
        }
        if (mdp.states() != states || mdp.actions() != actions) {
            throw new IllegalArgumentException("task " + mdp.id() + " has " + mdp.states() + " states and "
                    + mdp.actions() + " actions, environment has " + states + " and " + actions);
        }
        mdp.copyRewardMeans(rewardMeans);
        mdp.copyTransitions(cumulative);
        System.arraycopy(cumulative, 0, transitions, 0, cumulative.length);
        planner.solve(rewardMeans, transitions);
        for (int row = 0; row < states * actions; row++) {
            double sum = 0;
            for (int s2 = 0; s2 < states; s2++) {
                sum += cumulative[row * states + s2];
                cumulative[row * states + s2] = sum;
            }
            cumulative[row * states + states - 1] = Double.POSITIVE_INFINITY; // rounding never falls off the row
        }
        taskSalt = SplitMix64.mix(mdp.id().hashCode() * 0x2545F4914F6CDD1DL ^ Double.doubleToLongBits(rewardMeans[0]));
        hasTask = true;
        episodeOpen = false;
        estimate.clear();
        expertPlanStale = true;
        episode = -1;
        if (upperBoundBelief != null) {
            upperBoundBelief.clear();
        }
    }

    @Override
    public void reset(long seed, float[] observation) {
        if (!hasTask) {
            throw new IllegalStateException("reset before setTask");
        }
        rng.reseed(SplitMix64.combine(taskSalt, seed));
        state = 0;
        t = 0;
        episode++;
        episodeOpen = true;
        writeObservation(observation);
        // the greedy expert replans at every episode start, as the baseline does: on the estimate as it stands now,
        // solved on the first read of the features
        estimate.meanModel(estimatedRewards, estimatedTransitions);
        expertPlanStale = true;
    }

    @Override
    public void step(Action action, float[] observation, StepResult result) {
        if (!episodeOpen) {
            throw new IllegalStateException("step outside an episode: call reset first");
        }
        int row = state * actions + action.index();
        double reward = rewardMeans[row] + rng.nextGaussian();
        double u = rng.nextDouble();
        int base = row * states;
        int next = 0;
        while (u >= cumulative[base + next]) {
            next++;
        }
        t++;
        boolean truncated = t >= horizon;
        estimate.update(state, action.index(), (float) reward, truncated ? -1 : next); // the float a learner sees
        if (upperBoundBelief != null) {
            upperBoundBelief.update(state, action.index(), (float) reward, truncated ? -1 : next);
        }
        state = next;
        episodeOpen = !truncated;
        writeObservation(observation);
        result.set((float) reward, false, truncated, false);
    }

    private void writeObservation(float[] observation) {
        Arrays.fill(observation, 0, states, 0f);
        observation[state] = 1f;
    }

    @Override
    public int privilegedFeatureCount() {
        return 3 * actions;
    }

    /**
     * For a trainer only: the current state's reward means {@code r(s, a)}, then its optimal action values
     * {@code Q*_t(s, a) / H} for the steps left in the episode (value iteration on the true MDP; 0 after the last
     * step), then the expert's choice: with {@code expert=greedy} the {@code greedy} baseline's (value iteration on the
     * MDP estimated from this trial's steps, replanned at each episode start) as the uniform distribution over its tied
     * best actions; with {@code expert=bayes-ucb} the {@code bayes-ucb} baseline's action as a one-hot, or with
     * {@code expert-temperature=T > 0} the softmax of its upper bounds in this state divided by T; with
     * {@code expert=bayes-ucb-commit} that baseline's action as a one-hot (width 0 in the last m episodes of the trial,
     * counted by the resets since {@code setTask}). The expert depends on the trial's history only, so a policy with
     * memory can always make its choice.
     */
    @Override
    public void writePrivilegedFeatures(float[] out, int offset) {
        if (!hasTask) {
            throw new IllegalStateException("privileged features before setTask");
        }
        for (int a = 0; a < actions; a++) {
            out[offset + a] = (float) rewardMeans[state * actions + a];
            out[offset + actions + a] = t < horizon ? (float) (planner.q(t, state, a) / horizon) : 0f;
        }
        if (upperBoundBelief != null && expertTemperature > 0) {
            writeSoftTarget(out, offset + 2 * actions);
            return;
        }
        if (upperBoundBelief != null) {
            int choice = upperBoundBelief.upperBoundAction(state, episode >= commitFrom
                    ? 0
                    : upperBoundWidth);
            for (int a = 0; a < actions; a++) {
                out[offset + 2 * actions + a] = a == choice ? 1f : 0f;
            }
            return;
        }
        if (expertPlanStale) {
            expertPlanner.solve(estimatedRewards, estimatedTransitions);
            expertPlanStale = false;
        }
        expertPlanner.bestActions(t, state, out, offset + 2 * actions);
    }

    /** softmax(bounds / T) over the current state's actions, from the largest bound so that nothing overflows. */
    private void writeSoftTarget(float[] out, int at) {
        upperBoundBelief.upperBounds(state, upperBoundWidth, bounds);
        double max = Double.NEGATIVE_INFINITY;
        for (double b : bounds) {
            max = Math.max(max, b);
        }
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            bounds[a] = Math.exp((bounds[a] - max) / expertTemperature);
            sum += bounds[a];
        }
        for (int a = 0; a < actions; a++) {
            out[at + a] = (float) (bounds[a] / sum);
        }
    }

    /** The expert's choice, after the reward means and the action values. */
    @Override
    public int expertActionOffset() {
        return 2 * actions;
    }

    /** The current state (for tests and diagnostics). */
    int state() {
        return state;
    }
}
