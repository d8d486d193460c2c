package se.lagesbild.warehouse.disclosure;

import se.lagesbild.warehouse.snapshots.Snapshots;

import static se.lagesbild.warehouse.db.Tables.DIM_AGE_GROUP;
import static se.lagesbild.warehouse.db.Tables.DIM_DIAGNOSIS;
import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.MAP_REGION_HEALTHCARE_REGION;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.CellCounts;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.kept.Kept;

/**
 * The disclosure patterns of the data as the connection sees it (the newest vintages, or a
 * snapshot), computed once per family and year and kept: a pattern depends only on the batches
 * visible and the thresholds, so the same state always gives the same pattern, and threads asking
 * for the same one at once wait for one computation. {@code lagesbild marts} keeps every family's
 * patterns in the warehouse ({@link #keep}); a process reads a kept one before computing it.
 */
public final class Patterns {
    private static final int KEPT = 512;
    /** The kind of the patterns kept in the warehouse (kept_result). */
    static final String KIND = "disclosure-pattern";
    private static final ConcurrentHashMap<String, CompletableFuture<DisclosurePattern>> CACHE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, java.util.Set<String>> SOURCES = new ConcurrentHashMap<>();

    private Patterns() {
    }

    /** The pattern of {@code indicator}'s family in {@code year}. */
    public static DisclosurePattern of(Warehouse warehouse, Indicator indicator, int year) {
        Map<String, Integer> thresholds = Disclosure.thresholds(warehouse);
        String key = warehouse.file() + "|" + state(warehouse, indicator.disclosureFamily()) + "|" + thresholds + "|"
                + indicator.disclosureFamily() + "|" + year;
        CompletableFuture<DisclosurePattern> mine = new CompletableFuture<>();
        CompletableFuture<DisclosurePattern> existing = CACHE.putIfAbsent(key, mine);
        if (existing != null) {
            return join(existing);
        }
        try {
            mine.complete(keptOrComputed(warehouse, indicator.disclosureFamily(), year, thresholds));
        } catch (RuntimeException e) {
            CACHE.remove(key);
            mine.completeExceptionally(e);
            throw e;
        }
        trim();
        return join(mine);
    }

    /** The pattern {@code marts} kept in the warehouse for exactly this state, else computed. */
    private static DisclosurePattern keptOrComputed(Warehouse warehouse, String family, int year, Map<String, Integer> thresholds) {
        byte[] kept = Kept.read(warehouse, KIND, keptKey(warehouse, family, year, thresholds));
        return kept != null ? DisclosurePattern.unpacked(kept) : compute(warehouse, family, year, DisclosureRules.of(thresholds));
    }

    /**
     * Keeps the pattern of {@code indicator}'s family in {@code year} in the warehouse for later
     * processes ({@code marts}); false when it was kept already (the same batches, thresholds and code).
     */
    public static boolean keep(Warehouse warehouse, Indicator indicator, int year) {
        String key = keptKey(warehouse, indicator.disclosureFamily(), year, Disclosure.thresholds(warehouse));
        if (Kept.confirm(warehouse, KIND, key)) {
            return false;
        }
        Kept.write(warehouse, KIND, key, of(warehouse, indicator, year).packed());
        return true;
    }

    /** A kept pattern's key: the family and year, the exact batches of its sources, the thresholds and the code. */
    private static String keptKey(Warehouse warehouse, String family, int year, Map<String, Integer> thresholds) {
        return family + "|" + year + "|" + thresholds + "|" + Kept.batches(warehouse, sources(warehouse, family)) + "|" + Kept.code();
    }

    /** The family's pattern computed afresh (for the audit and tests; {@link #of} keeps them). */
    static DisclosurePattern compute(Warehouse warehouse, String family, int year, DisclosureRules rules) {
        List<Indicator> members = DisclosurePattern.members(Catalogue.all(warehouse), family);
        List<String> periods = DisclosurePattern.periods(year);
        List<CellCounts> counts = new ArrayList<>();
        for (Indicator member : members) {
            counts.add(CellCounts.of(warehouse, member, periods));
        }
        boolean monthRule = members.stream().anyMatch(i -> i.dataSource().contains("svf-pathways"));
        return DisclosurePattern.decide(family, year, counts, rules, dimensions(warehouse), monthRule);
    }

    /**
     * Regions and their healthcare regions (Halland in two), each age group's kind (a population
     * group's: its dimension), each diagnosis's kind, and the sex a diagnosis is restricted to.
     */
    static Hierarchy.Dimensions dimensions(Warehouse warehouse) {
        Map<String, List<String>> healthcareRegions = new TreeMap<>();
        warehouse.dsl().selectFrom(MAP_REGION_HEALTHCARE_REGION).orderBy(MAP_REGION_HEALTHCARE_REGION.HEALTHCARE_REGION_CODE)
                .forEach(r -> healthcareRegions.computeIfAbsent(r.getRegionCode(), k -> new ArrayList<>()).add(r.getHealthcareRegionCode()));
        Map<String, String> ageKinds = new java.util.HashMap<>(warehouse.dsl().selectFrom(DIM_AGE_GROUP).fetchMap(DIM_AGE_GROUP.AGE_GROUP_CODE,
                DIM_AGE_GROUP.AGE_GROUP_KIND));
        // a population group is a part of all ages, its dimension the kind of partition
        se.lagesbild.warehouse.indicators.EquityGroups.groups(warehouse).forEach(g -> ageKinds.put(g.cellCode(), g.dimension()));
        Map<String, Integer> sexRestrictions = new java.util.HashMap<>();
        warehouse.dsl().selectFrom(DIM_DIAGNOSIS).where(DIM_DIAGNOSIS.SEX_RESTRICTION.isNotNull())
                .forEach(r -> sexRestrictions.put(r.getDiagnosisCode(), r.getSexRestriction()));
        return new Hierarchy.Dimensions(healthcareRegions, ageKinds, warehouse.dsl().selectFrom(DIM_DIAGNOSIS)
                .fetchMap(DIM_DIAGNOSIS.DIAGNOSIS_CODE, DIM_DIAGNOSIS.DIAGNOSIS_KIND), sexRestrictions);
    }

    /**
     * The batches the connection sees of the sources the family's counts come from: their number, the
     * newest and the sum of their ids (an unload changes it; a load of another source does not).
     */
    static String state(Warehouse warehouse, String family) {
        return Snapshots.stateKey(warehouse, sources(warehouse, family));
    }

    static java.util.Set<String> sources(Warehouse warehouse, String family) {
        // the catalogue's sources and families are reference data (migrations), read once per file and family
        return SOURCES.computeIfAbsent(warehouse.file() + "|" + family,
                k -> Indicator.sourcesRead(DisclosurePattern.members(Catalogue.all(warehouse), family)));
    }

    private static DisclosurePattern join(CompletableFuture<DisclosurePattern> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void trim() {
        Iterator<String> keys = CACHE.keySet().iterator();
        while (CACHE.size() > KEPT && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
