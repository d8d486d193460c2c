package se.lagesbild.warehouse.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads Kaplan–Meier, Ederer II and Pohar Perme estimates from {@link SurvivalSums} at exactly the
 * requested times, computing what relsurv 2.2-9's {@code rs.surv(..., add.times = times)} computes
 * (its C routine netfastpinter2 with {@code precision = 1}):
 * <ul>
 * <li>the crude grid is every exit time (death or censoring) and every requested time (capped at
 *   the last exit, as rs.surv caps add.times); entries are not grid points;</li>
 * <li>within a crude interval (p, q] the expected part is integrated in fine steps of one day from
 *   p, the last one shorter; each step's hazard is taken at its start, and the integral adds, step
 *   by step, the running ratio of the weighted sums averaged between the step's start and end;</li>
 * <li>a patient is in the interval's integrand when still followed at q and entered before q, and
 *   in the sum the deaths at q are divided by when entered by q (relsurv's rules for its ys);
 *   expected survival runs from diagnosis for everyone still followed, entered or not.</li>
 * </ul>
 * Whole-day intervals are read from the day sums. An interval that starts or ends at a requested
 * time within a day is computed from the patients themselves (their fine steps start within a
 * day), and a patient whose expected survival came out of it differently from the whole-day path
 * (a birthday or a new year inside it) carries the ratio on. A patient who enters within an
 * interval adds the days from the interval's start to their entry. So every cell, however its
 * sums were combined, gives exactly what relsurv gives for its patients.
 */
final class SurvivalReading {
    enum Method { KAPLAN_MEIER, EDERER_II, POHAR_PERME }

    /** Ratios this close to 1 are rounding, not a different path. */
    private static final double SAME_PATH = 1e-12;

    private final SurvivalSums sums;
    private final Method method;
    private final SurvivalMembers[] groups;
    private final double[] coefficient;
    private final int[] offset;
    private final int total;
    private double[] ratio;
    private final List<Integer> ratioMembers = new ArrayList<>();
    private double[] carriedExact;
    private double[] carriedWhole;
    private final long[] entering;
    private int enteringNext;

    /** One crude interval's sums. */
    private static final class Step {
        double integral;
        double divisor;
        double deathWeight;
        double deathWeightSquared;
        double deaths;
        double atRisk;
        double expectedDeaths;
    }

    private SurvivalReading(SurvivalSums sums, Method method) {
        this.sums = sums;
        this.method = method;
        int n = sums.members.size();
        groups = new SurvivalMembers[n];
        coefficient = new double[n];
        offset = new int[n + 1];
        for (int k = 0; k < n; k++) {
            groups[k] = sums.members.get(k).members();
            coefficient[k] = sums.members.get(k).coefficient();
            offset[k + 1] = offset[k] + groups[k].size;
        }
        total = offset[n];
        List<Long> enter = new ArrayList<>();
        if (method != Method.KAPLAN_MEIER) {
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < groups[k].size; i++) {
                    int e = groups[k].entry[i];
                    if (e > 0 && e < sums.horizon) {
                        enter.add(((long) e << 32) | (offset[k] + i));
                    }
                }
            }
        }
        entering = enter.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static List<SurvivalEstimate> read(SurvivalSums sums, double[] days, Confidence confidence, Method method) {
        if (method != Method.KAPLAN_MEIER && !sums.expected) {
            throw new IllegalArgumentException(method + " needs sums with the life table's expected survival");
        }
        return new SurvivalReading(sums, method).estimates(days, confidence);
    }

    private List<SurvivalEstimate> estimates(double[] days, Confidence confidence) {
        double[] capped = new double[days.length];
        TreeSet<Double> grid = new TreeSet<>();
        double last = 0;
        for (int i = 0; i < days.length; i++) {
            capped[i] = Math.min(days[i], sums.lastExit);
            if (capped[i] > 0) {
                grid.add(capped[i]);
                last = Math.max(last, capped[i]);
            }
        }
        for (int t = 1; t <= Math.min(sums.horizon, (int) Math.floor(last)); t++) {
            if (sums.exits[t] > 0) {
                grid.add((double) t);
            }
        }
        double s = 1;
        double v = 0;
        String gap = null;
        double prev = 0;
        double[] value = new double[days.length];
        double[] variance = new double[days.length];
        String[] notes = new String[days.length];
        Arrays.fill(value, 1);
        Arrays.fill(notes, "");
        for (double q : grid) {
            Step step = whole(prev) && whole(q) ? regular((int) prev, (int) q) : special(prev, q);
            if (step.atRisk == 0) {
                gap = "nobody is at risk between " + format(prev) + " and " + format(q) + " days after diagnosis: not estimable beyond "
                        + format(prev) + " days";
                s = Double.NaN;
            } else if (gap == null) {
                switch (method) {
                    case KAPLAN_MEIER -> {
                        if (step.deaths > 0) {
                            s *= 1 - step.deaths / step.atRisk;
                            v += step.deaths == step.atRisk ? Double.POSITIVE_INFINITY : step.deaths / (step.atRisk * (step.atRisk - step.deaths));
                        }
                    }
                    case EDERER_II -> {
                        s *= 1 - (step.deaths - step.expectedDeaths) / step.atRisk;
                        v += step.deaths / (step.atRisk * step.atRisk);
                    }
                    case POHAR_PERME -> {
                        s *= 1 - (step.deathWeight / step.divisor - step.integral);
                        v += step.deathWeightSquared / (step.divisor * step.divisor);
                    }
                }
            }
            for (int i = 0; i < days.length; i++) {
                if (capped[i] == q) {
                    value[i] = gap == null ? s : Double.NaN;
                    variance[i] = v;
                    notes[i] = gap == null ? "" : gap;
                }
            }
            prev = q;
            if (gap != null) {
                break;
            }
        }
        for (int i = 0; i < days.length; i++) {
            if (gap != null && capped[i] > prev) {
                value[i] = Double.NaN;
                notes[i] = gap;
            }
        }
        List<SurvivalEstimate> estimates = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            double atRisk = atRiskAt(days[i]);
            if (sums.patients == 0) {
                estimates.add(SurvivalEstimate.notAvailable(days[i], 0, 0, "no patients"));
            } else if (Double.isNaN(value[i])) {
                estimates.add(SurvivalEstimate.notAvailable(days[i], atRisk, sums.patients, notes[i]));
            } else {
                String note = Survival.followedUp(sums, days[i]) ? "" : "no patient followed up to " + Math.round(days[i])
                        + " days: the value at the last follow-up time";
                estimates.add(SurvivalEstimate.withLogInterval(days[i], value[i], Math.sqrt(variance[i]), atRisk, sums.patients, confidence,
                        note, method == Method.KAPLAN_MEIER ? 1 : Double.POSITIVE_INFINITY));
            }
        }
        return estimates;
    }

    /** The patients at risk at t as survfit counts them: entered before t and followed to t or beyond. */
    private double atRiskAt(double t) {
        int d = whole(t) ? (int) t - 1 : (int) Math.floor(t);
        return d >= 0 && d < sums.horizon ? sums.atRisk[d] : 0;
    }

    private static boolean whole(double t) {
        return t == Math.rint(t);
    }

    private static String format(double days) {
        return whole(days) ? String.valueOf((long) days) : String.format(java.util.Locale.ROOT, "%.3f", days);
    }

    /** A whole-day interval (p, q]: the day sums, with the patients who enter within it and those on another path. */
    private Step regular(int p, int q) {
        int n = q - p;
        double[][] fix = null;
        Step step = new Step();
        // patients entering within (p, q): at risk in the interval's integrand from p, as relsurv counts them
        while (enteringNext < entering.length && (entering[enteringNext] >>> 32) <= p) {
            enteringNext++;
        }
        int scan = enteringNext;
        while (scan < entering.length && (entering[scan] >>> 32) < q) {
            int g = (int) entering[scan];
            fix = fix == null ? new double[5][n] : fix;
            int k = group(g);
            int i = g - offset[k];
            addDays(k, i, p, groups[k].entry[i], 1 / ratio(g), true, fix, p);
            scan++;
        }
        // patients whose expected survival left the whole-day path in an earlier interval
        if (method != Method.KAPLAN_MEIER) {
            for (var it = ratioMembers.iterator(); it.hasNext(); ) {
                int g = it.next();
                int k = group(g);
                int i = g - offset[k];
                SurvivalMembers m = groups[k];
                if (m.exit[i] < q) {
                    it.remove();
                    continue;
                }
                double r = ratio[g];
                double w = m.weight[i] * coefficient[k];
                int from = Math.max(p, m.entry[i]);
                if (from < q) {
                    fix = fix == null ? new double[5][n] : fix;
                    addDays(k, i, from, q, 1 / r - 1, false, fix, p);
                }
                if (m.exit[i] == q || m.entry[i] == q) {
                    double sq = m.expectedSurvival(i, q);
                    if (m.exit[i] == q && m.died[i]) {
                        step.deathWeight += (1 / r - 1) * w / sq;
                        step.deathWeightSquared += (1 / (r * r) - 1) * w * w / (sq * sq);
                    }
                    if (m.entry[i] == q) {
                        step.divisor += (1 / r - 1) * w / sq;
                    }
                }
            }
        }
        step.deaths = sums.deaths[q];
        step.atRisk = sums.atRisk[q - 1];
        if (method == Method.KAPLAN_MEIER) {
            return step;
        }
        double a1 = 0;
        double b1 = 0;
        double a2 = 0;
        double b2 = 0;
        for (int j = 0; j < n; j++) {
            int d = p + j;
            a1 += sums.startHazard[d] + (fix == null ? 0 : fix[0][j]);
            b1 += sums.startWeight[d] + (fix == null ? 0 : fix[1][j]);
            a2 += sums.endHazard[d] + (fix == null ? 0 : fix[2][j]);
            b2 += sums.endWeight[d] + (fix == null ? 0 : fix[3][j]);
            step.integral += a1 / b1 / 2 + a2 / b2 / 2;
            step.expectedDeaths += sums.hazardSum[d] + (fix == null ? 0 : fix[4][j]);
        }
        step.divisor += sums.endWeight[q - 1] + (fix == null ? 0 : fix[3][n - 1]) + sums.entryWeight[q];
        step.deathWeight += sums.deathWeight[q];
        step.deathWeightSquared += sums.deathWeightSquared[q];
        return step;
    }

    /**
     * Adds member i of group k's whole days [from, to), each multiplied by {@code factor}, to the
     * interval's fixes (index day − p): start and end weights and hazards, and with
     * {@code atRisk} the hazard itself (Ederer II's expected deaths: days the sums do not hold).
     */
    private void addDays(int k, int i, int from, int to, double factor, boolean atRisk, double[][] fix, int p) {
        SurvivalMembers m = groups[k];
        double w = m.weight[i] * coefficient[k] * factor;
        int n = to - from;
        double[] survival = new double[n + 1];
        double[] oneDay = new double[n];
        double[] hazard = new double[n];
        double[] look = new double[2];
        for (int j = 0; j < n; j++) {
            m.day(i, from + j, look);
            hazard[j] = look[0];
            oneDay[j] = look[1];
        }
        if (to == m.entry[i]) {
            // the days before the entry: back from the expected survival kept at the entry
            survival[n] = m.entrySurvival[i];
            for (int j = n - 1; j >= 0; j--) {
                survival[j] = survival[j + 1] / oneDay[j];
            }
        } else {
            survival[0] = m.expectedSurvival(i, from);
            for (int j = 0; j < n; j++) {
                survival[j + 1] = survival[j] * oneDay[j];
            }
        }
        for (int j = 0; j < n; j++) {
            double lambda = hazard[j];
            int x = from + j - p;
            fix[0][x] += w * lambda / survival[j];
            fix[1][x] += w / survival[j];
            fix[2][x] += w * lambda / survival[j + 1];
            fix[3][x] += w / survival[j + 1];
            if (atRisk) {
                fix[4][x] += lambda;
            }
        }
    }

    /**
     * An interval with an end within a day: every patient still followed at q, from their expected
     * survival at prev, through the interval's fine steps (the first from prev, each one day, the
     * last to q).
     */
    private Step special(double prev, double q) {
        if (method == Method.KAPLAN_MEIER) {
            // observed survival steps only at deaths: the counts at q are the day sums'
            Step step = new Step();
            int before = whole(q) ? (int) q - 1 : (int) Math.floor(q);
            step.atRisk = before < sums.horizon ? sums.atRisk[before] : 0;
            step.deaths = whole(q) ? sums.deaths[(int) q] : 0;
            return step;
        }
        double span = q - prev;
        List<double[]> fine = new ArrayList<>();
        for (double t = 0; t < span; ) {
            double h = Math.min(1, span - t);
            fine.add(new double[] {prev + t, h});
            t += h;
        }
        int steps = fine.size();
        double[] a1 = new double[steps];
        double[] b1 = new double[steps];
        double[] a2 = new double[steps];
        double[] b2 = new double[steps];
        Step step = new Step();
        boolean expected = method != Method.KAPLAN_MEIER;
        if (expected && ratio == null) {
            ratio = new double[total];
            Arrays.fill(ratio, 1);
            carriedExact = new double[total];
            carriedWhole = new double[total];
        }
        int wholeStart = (int) Math.floor(prev);
        int wholeEnd = (int) Math.floor(q);
        for (int k = 0; k < groups.length; k++) {
            SurvivalMembers m = groups[k];
            // expected survival at prev: back from the day of q where the sums kept it, else from diagnosis
            int kept = whole(prev) ? m.checkpoint(wholeEnd) : -1;
            double[] atStart = whole(prev) && kept < 0 ? m.expectedSurvivalAll(wholeStart) : null;
            for (int i = 0; i < m.size; i++) {
                if (m.exit[i] < q) {
                    continue;
                }
                int g = offset[k] + i;
                boolean counted = m.entry[i] < q;
                if (counted) {
                    step.atRisk++;
                }
                boolean dies = m.exit[i] == q && m.died[i];
                if (dies) {
                    step.deaths++;
                }
                if (!expected) {
                    continue;
                }
                double w = m.weight[i] * coefficient[k];
                double onPath;
                double exact;
                boolean atEnd = false;
                if (whole(prev)) {
                    if (kept >= 0) {
                        // the whole-day path's value at floor(q) is kept; at prev it is that, back day by day
                        double start = m.atCheckpoint[kept][i];
                        for (int d = wholeEnd - 1; d >= wholeStart; d--) {
                            start /= m.daySurvival(i, d);
                        }
                        exact = start * ratio[g];
                        onPath = m.atCheckpoint[kept][i];
                        atEnd = true;
                    } else {
                        onPath = atStart[i];
                        exact = onPath * ratio[g];
                    }
                } else {
                    onPath = carriedWhole[g];
                    exact = carriedExact[g];
                }
                for (int f = 0; f < steps; f++) {
                    double h = fine.get(f)[1];
                    double lambda = m.hazard(i, fine.get(f)[0]);
                    double end = exact * Math.exp(-h * lambda);
                    if (counted) {
                        a1[f] += w * lambda / exact;
                        b1[f] += w / exact;
                        a2[f] += w * lambda / end;
                        b2[f] += w / end;
                        step.expectedDeaths += h * lambda;
                    }
                    exact = end;
                }
                if (m.entry[i] <= q) {
                    step.divisor += w / exact;
                }
                if (dies) {
                    step.deathWeight += w / exact;
                    step.deathWeightSquared += w * w / (exact * exact);
                }
                for (int d = wholeStart; d < wholeEnd && !atEnd; d++) {
                    onPath *= m.daySurvival(i, d);
                }
                if (whole(q)) {
                    setRatio(g, exact / onPath);
                } else {
                    carriedExact[g] = exact;
                    carriedWhole[g] = onPath;
                }
            }
        }
        double c1 = 0;
        double d1 = 0;
        double c2 = 0;
        double d2 = 0;
        for (int f = 0; f < steps; f++) {
            c1 += a1[f];
            d1 += b1[f];
            c2 += a2[f];
            d2 += b2[f];
            step.integral += (c1 / d1 / 2 + c2 / d2 / 2) * fine.get(f)[1];
        }
        // the entries within the interval are past: the whole-day reading starts after q
        while (enteringNext < entering.length && (entering[enteringNext] >>> 32) <= q) {
            enteringNext++;
        }
        return step;
    }

    private void setRatio(int g, double r) {
        boolean listed = ratio[g] != 1;
        if (Math.abs(r - 1) <= SAME_PATH) {
            ratio[g] = 1;
            if (listed) {
                ratioMembers.remove(Integer.valueOf(g));
            }
        } else {
            ratio[g] = r;
            if (!listed) {
                ratioMembers.add(g);
            }
        }
    }

    private double ratio(int g) {
        return ratio == null ? 1 : ratio[g];
    }

    private int group(int g) {
        int k = Arrays.binarySearch(offset, g);
        if (k < 0) {
            return -k - 2;
        }
        while (k + 1 < offset.length && offset[k + 1] == g) {
            k++;
        }
        return k;
    }
}
