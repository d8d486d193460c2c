package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.indicators.Marts;
import se.lagesbild.warehouse.indicators.SurvivalCells;
import se.lagesbild.warehouse.kept.Kept;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * What {@code lagesbild marts} computes once for every later process: each survival indicator's
 * cells (at 95 %, without and with the population groups' estimates) and each disclosure family's
 * pattern for every calendar year it has cells in, kept in the warehouse ({@link Kept}); the command
 * line adds every PxWebApi 2 table's released values ({@code ReleasedStore.keep}, through
 * {@code more}). The report, the release and the server then read them instead of computing them
 * again; what they ask for beyond it (another confidence level, a snapshot taken later) they compute
 * as before.
 */
public final class KeptResults {
    private KeptResults() {
    }

    /** One result kept, with the time it took. */
    public record Step(String what, double seconds) {
    }

    /**
     * Keeps the results of the warehouse as it is now and as of each snapshot (only what a
     * snapshot's batches change: the baseline as published differs from this year's data by the
     * pathways delivered again), computing those not kept yet, and forgets those of every other
     * state; {@code progress} hears each result computed.
     */
    public static List<Step> keep(Warehouse warehouse, Consumer<Step> progress) {
        return keep(warehouse, progress, w -> { });
    }

    /**
     * The same, with {@code more} kept too (as of now, before what is not kept any more is
     * forgotten): what a consumer outside the warehouse asks every time (PxWebApi 2's tables).
     */
    public static List<Step> keep(Warehouse warehouse, Consumer<Step> progress, Consumer<Warehouse> more) {
        java.time.LocalDateTime start = Kept.now(warehouse);
        List<Step> steps = new ArrayList<>();
        List<Indicator> catalogue = Catalogue.all(warehouse);
        keepState(warehouse, catalogue, "", steps, progress);
        for (var snapshot : Snapshots.list(warehouse)) {
            String name = snapshot.getSnapshotName();
            Snapshots.during(warehouse, name, () -> {
                keepState(warehouse, catalogue, " as of " + name, steps, progress);
                return null;
            });
        }
        more.accept(warehouse);
        Kept.forgetOlderThan(warehouse, start);
        return steps;
    }

    /** Keeps every result of the state the connection sees now that is not kept yet. */
    private static void keepState(Warehouse warehouse, List<Indicator> catalogue, String state, List<Step> steps, Consumer<Step> progress) {
        Map<String, TreeSet<Integer>> years = new LinkedHashMap<>();
        for (Indicator indicator : catalogue) {
            long start = System.nanoTime();
            TreeSet<Integer> mine = years.computeIfAbsent(indicator.disclosureFamily(), f -> new TreeSet<>());
            if (SurvivalCells.methodName(indicator.method()) != null) {
                var kept = SurvivalCells.keep(warehouse, indicator, Confidence.NINETY_FIVE);
                kept.value().forEach(period -> mine.add(Disclosure.year(period)));
                if (kept.computed()) {
                    step(steps, progress, "survival cells of " + indicator.code() + state, start);
                }
            } else {
                warehouse.dsl().fetch("SELECT DISTINCT CAST(left(period_code, 4) AS INTEGER) FROM \"" + Marts.source(warehouse, indicator.martView()) + "\"")
                        .forEach(r -> mine.add(r.get(0, Integer.class)));
            }
        }
        years.forEach((family, familyYears) -> {
            Indicator member = DisclosurePattern.members(catalogue, family).get(0);
            for (int year : familyYears) {
                long start = System.nanoTime();
                if (Patterns.keep(warehouse, member, year)) {
                    step(steps, progress, "disclosure pattern of " + family + " " + year + state, start);
                }
            }
        });
    }

    private static void step(List<Step> steps, Consumer<Step> progress, String what, long start) {
        Step step = new Step(what, (System.nanoTime() - start) / 1e9);
        steps.add(step);
        progress.accept(step);
    }
}
