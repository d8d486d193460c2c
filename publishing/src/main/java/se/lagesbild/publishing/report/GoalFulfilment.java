package se.lagesbild.publishing.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import se.lagesbild.publishing.text.Language;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.Released;
import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.TrendProjection.Projection;
import se.lagesbild.warehouse.stats.TrendProjection;

/**
 * Goal fulfilment as the follow-up structure asks for it (issue 25): for every indicator with a
 * target and a target year, Riket's released values in its headline cell ({@link Headline}: both
 * sexes, the widest diagnosis and age group, by year or by first half-year) for each year up to
 * the follow-up year, carried to the target year by {@link TrendProjection}, and a status:
 * <ul>
 * <li>{@code reached}: the newest year's value meets the target already;</li>
 * <li>{@code on_track}: the trend's value in the target year meets it;</li>
 * <li>{@code not_on_track}: it does not;</li>
 * <li>{@code cannot_be_judged}: fewer than {@value #MIN_YEARS} years with a released value, or the
 * newest year's base below the structure's smallest base, with the reason.</li>
 * </ul>
 * Where the trend's interval in the target year holds the target on both sides, the status says
 * so ({@code uncertain}). Sub-goals and goals are judged by a stated rule over their indicators,
 * which are always listed: none judged, {@code cannot_be_judged}; every judged one reached,
 * {@code reached}; at least half reached or on track, {@code on_track}; else {@code not_on_track}.
 */
public final class GoalFulfilment {
    /** Years with a released value a trend needs before it is judged. */
    public static final int MIN_YEARS = 3;
    /** How far back the trend looks: the follow-up year and the years before it. */
    public static final int TREND_YEARS = 10;

    private GoalFulfilment() {
    }

    /** One indicator's judgement as of {@code year}. */
    public record Judgement(Indicator indicator, int year, int latestYear, double latestValue, double latestBase, Projection projection,
                            String status, boolean uncertain) {
        /** Why the indicator has its status, in English. */
        public String reason() {
            return reason(Language.EN);
        }

        /** Why the indicator has its status, in {@code language}: the branch {@link GoalFulfilment#judge} took, with its figures. */
        public String reason(Language language) {
            Projection p = projection;
            if (latestYear == 0) {
                return language.text("fulfilment.no_value", year);
            }
            if (indicator.direction().equals("neither")) {
                return language.text("fulfilment.no_direction");
            }
            if (indicator.minBase() != null && latestBase < indicator.minBase()) {
                return language.text("fulfilment.small_base", latestYear, language.count(Math.round(latestBase)), language.count(indicator.minBase()));
            }
            if (status.equals("reached")) {
                return language.text("fulfilment.reached", latestYear, language.value(latestValue, indicator.unit()));
            }
            if (!p.available()) {
                return language.text("fulfilment.few_years", p.years(), MIN_YEARS);
            }
            return language.text(status.equals("on_track") ? "fulfilment.on_track" : "fulfilment.not_on_track", p.years(), indicator.targetYear(),
                    language.valueWithInterval(p.value(), p.lower(), p.upper(), indicator.unit()), language.value(indicator.target(), indicator.unit()))
                    + (uncertain ? " " + language.text("fulfilment.uncertain") : "");
        }
    }

    /** A sub-goal's or goal's judgement over its indicators. */
    public record Rollup(String level, String code, String titleSv, String titleEn, List<String> indicators, int reached, int onTrack,
                         int notOnTrack, int cannotBeJudged, String status) {
    }

    /** Every indicator with a target, judged as of {@code year}. */
    public static List<Judgement> judge(Warehouse warehouse, int year, Confidence confidence) {
        List<Judgement> judgements = new ArrayList<>();
        for (Indicator indicator : Catalogue.all(warehouse)) {
            if (indicator.target() != null && indicator.targetYear() != null) {
                judgements.add(judge(warehouse, indicator, year, confidence));
            }
        }
        return judgements;
    }

    static Judgement judge(Warehouse warehouse, Indicator indicator, int year, Confidence confidence) {
        Headline headline = Headline.of(warehouse, indicator, year, year);
        List<ReleasedValue> values = new ArrayList<>();
        if (headline != null) {
            String suffix = headline.followUpPeriod().substring(String.valueOf(year).length());
            String[] periods = IntStream.rangeClosed(year - TREND_YEARS + 1, year).mapToObj(y -> y + suffix).toArray(String[]::new);
            Released.values(warehouse, indicator.code(), headline.filter(false).periods(periods), confidence).stream()
                    .filter(v -> !v.suppressed() && Double.isFinite(v.estimate().value()))
                    .sorted(java.util.Comparator.comparing(v -> v.cell().periodCode())).forEach(values::add);
        }
        boolean share = indicator.method().equals("proportion");
        int n = values.size();
        int[] years = new int[n];
        double[] value = new double[n];
        double[] se = new double[n];
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            ReleasedValue v = values.get(i);
            years[i] = Integer.parseInt(v.cell().periodCode().substring(0, 4));
            value[i] = v.estimate().value();
            base[i] = v.denominator();
            se[i] = standardError(v, share, confidence);
        }
        Projection projection = TrendProjection.project(years, value, se, base, share, indicator.targetYear(), confidence);
        if (n == 0) {
            return new Judgement(indicator, year, 0, Double.NaN, Double.NaN, projection, "cannot_be_judged", false);
        }
        int latestYear = years[n - 1];
        double latest = value[n - 1];
        double latestBase = base[n - 1];
        if (indicator.direction().equals("neither") || (indicator.minBase() != null && latestBase < indicator.minBase())) {
            return new Judgement(indicator, year, latestYear, latest, latestBase, projection, "cannot_be_judged", false);
        }
        if (Boolean.TRUE.equals(meets(indicator, latest))) {
            return new Judgement(indicator, year, latestYear, latest, latestBase, projection, "reached", false);
        }
        if (!projection.available()) {
            return new Judgement(indicator, year, latestYear, latest, latestBase, projection, "cannot_be_judged", false);
        }
        boolean onTrack = Boolean.TRUE.equals(meets(indicator, projection.value()));
        boolean uncertain = onTrack ? !Boolean.TRUE.equals(meets(indicator, worse(indicator, projection)))
                : Boolean.TRUE.equals(meets(indicator, better(indicator, projection)));
        return new Judgement(indicator, year, latestYear, latest, latestBase, projection, onTrack ? "on_track" : "not_on_track", uncertain);
    }

    /** Whether {@code value} meets the indicator's target in its direction (null without a direction). */
    private static Boolean meets(Indicator indicator, double value) {
        if (indicator.direction().equals("neither")) {
            return null;
        }
        return indicator.targetMet(value);
    }

    private static double worse(Indicator indicator, Projection p) {
        return indicator.lowerIsBetter() ? p.upper() : p.lower();
    }

    private static double better(Indicator indicator, Projection p) {
        return indicator.lowerIsBetter() ? p.lower() : p.upper();
    }

    /**
     * A yearly value's standard error: the estimate's own where it has one; for a share the binomial
     * √(p(1 − p)/n), with p moved in by 0.5/n at 0 and 1; else from its interval's width, (upper − lower)/(2z).
     */
    private static double standardError(ReleasedValue v, boolean share, Confidence confidence) {
        double own = v.estimate().standardError();
        if (Double.isFinite(own) && own > 0) {
            return own;
        }
        if (share && v.denominator() > 0) {
            double p = Math.min(Math.max(v.estimate().value(), 0.5 / v.denominator()), 1 - 0.5 / v.denominator());
            return Math.sqrt(p * (1 - p) / v.denominator());
        }
        return (v.estimate().upper() - v.estimate().lower()) / (2 * confidence.z());
    }

    /** The sub-goals (of the loaded structure) and the goals, each judged over its indicators with a judgement. */
    public static List<Rollup> rollUp(Warehouse warehouse, List<Judgement> judgements) {
        Map<String, Judgement> byCode = new LinkedHashMap<>();
        judgements.forEach(j -> byCode.put(j.indicator().code(), j));
        List<Rollup> rollups = new ArrayList<>();
        for (Catalogue.Subgoal s : Catalogue.subgoals(warehouse)) {
            rollups.add(rollup("subgoal", s.code(), s.titleSv(), s.titleEn(), s.indicators(), byCode));
        }
        List<Indicator> indicators = Catalogue.all(warehouse);
        for (var goal : se.lagesbild.warehouse.dimensions.Dimensions.goals(warehouse)) {
            List<String> codes = indicators.stream().filter(i -> String.valueOf(i.goal()).equals(goal.code())).map(Indicator::code).toList();
            rollups.add(rollup("goal", goal.code(), goal.labelSv(), goal.labelEn(), codes, byCode));
        }
        return rollups;
    }

    static Rollup rollup(String level, String code, String titleSv, String titleEn, List<String> indicators, Map<String, Judgement> byCode) {
        int reached = 0;
        int onTrack = 0;
        int notOnTrack = 0;
        int cannot = 0;
        List<String> judged = new ArrayList<>();
        for (String indicator : indicators) {
            Judgement j = byCode.get(indicator);
            if (j == null) {
                continue;
            }
            judged.add(indicator);
            switch (j.status()) {
                case "reached" -> reached++;
                case "on_track" -> onTrack++;
                case "not_on_track" -> notOnTrack++;
                default -> cannot++;
            }
        }
        int decided = reached + onTrack + notOnTrack;
        String status = decided == 0 ? "cannot_be_judged" : reached == decided ? "reached"
                : 2 * (reached + onTrack) >= decided ? "on_track" : "not_on_track";
        return new Rollup(level, code, titleSv, titleEn, judged, reached, onTrack, notOnTrack, cannot, status);
    }
}
