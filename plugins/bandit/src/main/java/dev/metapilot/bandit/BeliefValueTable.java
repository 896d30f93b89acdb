package dev.metapilot.bandit;

/**
 * The Bayes-optimal value of every belief state of a Bernoulli bandit with independent Beta(1,1) priors and a known
 * horizon of {@code n} pulls, by exact finite-horizon dynamic programming.
 *
 * <p>
 * A belief state is the multiset of per-arm posteriors {@code (s, f)} (successes, failures): arms are exchangeable
 * under the prior, so states are kept canonical (pulled arms sorted, unpulled arms implicit) and states that differ
 * only by arm labels share one entry. A state with {@code t} pulls made has value
 * {@code V = max_a [ μ_a (1 + V(s_a+1)) + (1 − μ_a) V(f_a+1) ]}, {@code μ_a = (s_a+1)/(s_a+f_a+2)}, and {@code V = 0}
 * at {@code t = n}. The two last layers are computed on the fly, the others stored in a primitive hash map.
 *
 * <p>
 * Built once per configuration by {@link BayesOptimalBaseline} (on the first trial's thread), then read-only and shared
 * by every actor.
 */
final class BeliefValueTable {

    /** The most belief states the table will hold (about 64 MiB of map at this size). */
    static final long MAX_STATES = 2_500_000;

    private final int arms;
    private final int pulls;
    private final int maxPulled;
    private final int[] codeS;
    private final int[] codeF;
    private final int[] successCode;
    private final int[] failureCode;
    private final long[] pattern;
    private final int[] patternLength;
    private final LongDoubleMap values;
    private final int[][] scratch;
    private final double rootValue;

    private BeliefValueTable(int arms, int pulls) {
        this.arms = arms;
        this.pulls = pulls;
        this.maxPulled = Math.min(arms, pulls);
        int codes = (pulls + 1) * (pulls + 2) / 2;
        codeS = new int[codes];
        codeF = new int[codes];
        successCode = new int[codes];
        failureCode = new int[codes];
        pattern = new long[codes];
        patternLength = new int[codes];
        for (int m = 0; m <= pulls; m++) {
            for (int s = 0; s <= m; s++) {
                int f = m - s;
                int c = code(s, f);
                codeS[c] = s;
                codeF[c] = f;
                successCode[c] = m < pulls ? code(s + 1, f) : -1;
                failureCode[c] = m < pulls ? code(s, f + 1) : -1;
                // s ones, a zero, f ones, a zero: a prefix-free code, so sorted sequences of arms map to distinct keys.
                pattern[c] = (((1L << s) - 1) << (f + 2)) | (((1L << f) - 1) << 1);
                patternLength[c] = s + f + 2;
            }
        }
        values = new LongDoubleMap(stateCount(arms, pulls));
        scratch = new int[pulls + 2][maxPulled + 1];
        rootValue = value(0, scratch[0], 0);
    }

    /**
     * Computes the table for {@code arms} arms and a horizon of {@code pulls}.
     *
     * @throws IllegalArgumentException when it does not {@link #fits fit}, with the number of states it would need
     */
    static BeliefValueTable compute(int arms, int pulls) {
        if (arms < 2 || pulls < 1) {
            throw new IllegalArgumentException("need arms >= 2 and pulls >= 1, got arms=" + arms + ", pulls=" + pulls);
        }
        if (!fits(arms, pulls)) {
            throw new IllegalArgumentException("the Bayes-optimal table for arms=" + arms + ", pulls=" + pulls
                    + " needs " + describeSize(arms, pulls) + "; it is computed up to " + MAX_STATES
                    + " belief states with keys of at most 63 bits (1 + pulls + 2·min(arms, pulls))");
        }
        return new BeliefValueTable(arms, pulls);
    }

    /** True when the table for this configuration is small enough to compute. */
    static boolean fits(int arms, int pulls) {
        return keyBits(arms, pulls) <= 63 && stateCount(arms, pulls) <= MAX_STATES;
    }

    private static String describeSize(int arms, int pulls) {
        if (keyBits(arms, pulls) > 63) {
            return keyBits(arms, pulls) + "-bit state keys";
        }
        return stateCount(arms, pulls) + " belief states";
    }

    /** Bits of the canonical state key: a sentinel, {@code s + f + 2} per pulled arm. */
    static int keyBits(int arms, int pulls) {
        return 1 + pulls + 2 * Math.min(arms, pulls);
    }

    /**
     * Number of canonical belief states with at most {@code pulls} pulls made (an upper bound of the stored ones);
     * saturates above {@link #MAX_STATES}. Only meaningful when {@code keyBits <= 63}, which bounds the work.
     */
    static long stateCount(int arms, int pulls) {
        if (keyBits(arms, pulls) > 63) {
            return Long.MAX_VALUE;
        }
        int maxPulled = Math.min(arms, pulls);
        long cap = MAX_STATES + 1;
        long[][] count = new long[maxPulled + 1][pulls + 1];
        count[0][0] = 1;
        for (int m = 1; m <= pulls; m++) {
            for (int s = 0; s <= m; s++) {
                // One arm state with m pulls, used any number of times: unbounded knapsack in (arms, pulls).
                for (int j = 1; j <= maxPulled; j++) {
                    for (int t = m; t <= pulls; t++) {
                        count[j][t] = Math.min(cap, count[j][t] + count[j - 1][t - m]);
                    }
                }
            }
        }
        long total = 0;
        for (long[] row : count) {
            for (long c : row) {
                total = Math.min(cap, total + c);
            }
        }
        return total;
    }

    private static int code(int s, int f) {
        int m = s + f;
        return m * (m + 1) / 2 + s;
    }

    int arms() {
        return arms;
    }

    int pulls() {
        return pulls;
    }

    /** The Bayes-optimal expected total reward of a whole trial: the value of the empty belief state. */
    double rootValue() {
        return rootValue;
    }

    /** Number of belief states stored. */
    int storedStates() {
        return values.size();
    }

    private long key(int[] codes, int p) {
        long key = 1;
        for (int i = 0; i < p; i++) {
            key = (key << patternLength[codes[i]]) | pattern[codes[i]];
        }
        return key;
    }

    private double mean(int code) {
        return (codeS[code] + 1.0) / (codeS[code] + codeF[code] + 2.0);
    }

    private double bestMean(int[] codes, int p) {
        double best = p < arms ? 0.5 : 0;
        for (int i = 0; i < p; i++) {
            best = Math.max(best, mean(codes[i]));
        }
        return best;
    }

    /** The DP: value of the canonical state {@code codes[0..p)} with {@code t} pulls made, memoised. */
    private double value(int t, int[] codes, int p) {
        if (t >= pulls) {
            return 0;
        }
        if (t == pulls - 1) {
            return bestMean(codes, p);
        }
        long key = key(codes, p);
        double v = values.get(key);
        if (!Double.isNaN(v)) {
            return v;
        }
        int[] child = scratch[t + 1];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p; i++) {
            if (i == 0 || codes[i] != codes[i - 1]) {
                best = Math.max(best, actionValue(t, codes, p, i, child));
            }
        }
        if (p < arms) {
            best = Math.max(best, actionValue(t, codes, p, -1, child));
        }
        values.put(key, best);
        return best;
    }

    private double actionValue(int t, int[] codes, int p, int arm, int[] child) {
        int code = arm < 0 ? 0 : codes[arm];
        double mu = mean(code);
        int n = replace(codes, p, arm, successCode[code], child);
        double onSuccess = value(t + 1, child, n);
        n = replace(codes, p, arm, failureCode[code], child);
        double onFailure = value(t + 1, child, n);
        return mu * (1 + onSuccess) + (1 - mu) * onFailure;
    }

    /** The stored or on-the-fly value of a state that the DP has visited; no computation beyond the last two layers. */
    private double lookup(int t, int[] codes, int p) {
        if (t >= pulls) {
            return 0;
        }
        if (t == pulls - 1) {
            return bestMean(codes, p);
        }
        double v = values.get(key(codes, p));
        if (Double.isNaN(v)) {
            throw new IllegalStateException("belief state with " + t + " pulls is missing from the table");
        }
        return v;
    }

    /**
     * Writes {@code codes[0..p)} with the element at {@code index} (or a new unpulled arm when {@code index < 0})
     * replaced by {@code newCode} into {@code out}, sorted; returns the new length.
     */
    private static int replace(int[] codes, int p, int index, int newCode, int[] out) {
        int n = 0;
        boolean placed = false;
        for (int i = 0; i < p; i++) {
            if (i == index) {
                continue;
            }
            if (!placed && newCode <= codes[i]) {
                out[n++] = newCode;
                placed = true;
            }
            out[n++] = codes[i];
        }
        if (!placed) {
            out[n++] = newCode;
        }
        return n;
    }

    /**
     * The Bayes-optimal arm for per-arm counts with {@code t = Σ (s + f) < pulls}; ties go to the lowest arm.
     *
     * @param codes scratch of length {@code pulls + 1}
     * @param child scratch of length {@code pulls + 1}
     */
    int bestArm(int[] successes, int[] failures, int[] codes, int[] child) {
        int t = 0;
        int p = 0;
        for (int a = 0; a < successes.length; a++) {
            int m = successes[a] + failures[a];
            t += m;
            if (m > 0) {
                int c = code(successes[a], failures[a]);
                int i = p++;
                while (i > 0 && codes[i - 1] > c) {
                    codes[i] = codes[i - 1];
                    i--;
                }
                codes[i] = c;
            }
        }
        if (t >= pulls) {
            throw new IllegalArgumentException("belief state has " + t + " pulls, horizon is " + pulls);
        }
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < successes.length; a++) {
            int m = successes[a] + failures[a];
            int code = m == 0 ? 0 : code(successes[a], failures[a]);
            int index = -1;
            if (m > 0) {
                index = 0;
                while (codes[index] != code) {
                    index++;
                }
            }
            double mu = mean(code);
            int n = replace(codes, p, index, successCode[code], child);
            double onSuccess = lookup(t + 1, child, n);
            n = replace(codes, p, index, failureCode[code], child);
            double onFailure = lookup(t + 1, child, n);
            double q = mu * (1 + onSuccess) + (1 - mu) * onFailure;
            if (q > bestValue) {
                best = a;
                bestValue = q;
            }
        }
        return best;
    }
}
