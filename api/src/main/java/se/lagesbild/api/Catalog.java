package se.lagesbild.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.agreement.AgreementEvaluation;
import se.lagesbild.warehouse.db.tables.records.SnapshotRecord;
import se.lagesbild.warehouse.dimensions.Dimensions;
import se.lagesbild.warehouse.dimensions.Dimensions.Member;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.status.StatusReader;
import se.lagesbild.warehouse.status.WarehouseStatus;

/**
 * What one served copy of the warehouse holds that parameters are checked against, read once when
 * the copy is opened: the dimensions' codes and labels, the indicators, the snapshots, the
 * agreement years, the vintages, the follow-up structure's sub-goals and the years the loads cover,
 * the population groups and the indicators whose sources can carry them, and the disclosure thresholds.
 */
public record Catalog(List<Member> regions, List<Member> healthcareRegions, List<Member> diagnoses, List<Member> periods,
                      List<Member> sexes, List<Member> ageGroups, List<Member> goals, Map<String, Indicator> indicators,
                      List<SnapshotRecord> snapshots, List<Integer> agreementYears, List<WarehouseStatus.Batch> batches,
                      List<Catalogue.Subgoal> subgoals, List<Integer> dataYears, List<Member> populationGroups,
                      List<String> populationDimensions, List<String> groupedIndicators, Map<String, Integer> disclosureThresholds,
                      List<Map<String, Object>> disclosureRules) {

    /** Reads the catalog of {@code warehouse} (as of the snapshot its connection is pinned to, if any). */
    public static Catalog read(Warehouse warehouse) {
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        Catalogue.all(warehouse).forEach(i -> indicators.put(i.code(), i));
        return new Catalog(Dimensions.regions(warehouse), Dimensions.healthcareRegions(warehouse), Dimensions.diagnoses(warehouse),
                Dimensions.periods(warehouse), Dimensions.sexes(warehouse), Dimensions.ageGroups(warehouse), Dimensions.goals(warehouse),
                indicators, Snapshots.list(warehouse), AgreementEvaluation.years(warehouse), StatusReader.batches(warehouse),
                Catalogue.subgoals(warehouse), StatusReader.years(warehouse), Dimensions.populationGroups(warehouse),
                se.lagesbild.warehouse.indicators.EquityGroups.dimensions(warehouse).stream().map(d -> d.code()).toList(),
                indicators.values().stream().filter(i -> se.lagesbild.warehouse.indicators.EquityGroups.available(warehouse, i))
                        .map(Indicator::code).toList(),
                se.lagesbild.warehouse.disclosure.Disclosure.thresholds(warehouse), se.lagesbild.warehouse.disclosure.Disclosure.rules(warehouse));
    }

    /** The newest load batch's id, 0 when nothing is loaded: the vintage every answer is as of. */
    public long maxBatchId() {
        return batches.isEmpty() ? 0 : batches.get(batches.size() - 1).batchId();
    }

    /** When the newest batch was loaded (UTC), or the epoch when nothing is loaded. */
    public java.time.Instant newestLoad() {
        if (batches.isEmpty() || batches.get(batches.size() - 1).loadedAt() == null) {
            return java.time.Instant.EPOCH;
        }
        return batches.get(batches.size() - 1).loadedAt().atOffset(java.time.ZoneOffset.UTC).toInstant();
    }

    /** The newest batch's vintage label, or null. */
    public String currentVintage() {
        return batches.isEmpty() ? null : batches.get(batches.size() - 1).vintage();
    }

    public SnapshotRecord snapshot(String name) {
        return snapshots.stream().filter(s -> s.getSnapshotName().equals(name)).findFirst().orElse(null);
    }

    /** Codes of a dimension, in order. */
    public static List<String> codes(List<Member> members) {
        return members.stream().map(Member::code).toList();
    }

    /** Code → Swedish label of every member of every geography (regions, Riket, healthcare regions). */
    public Map<String, String> geoLabels() {
        Map<String, String> labels = new LinkedHashMap<>(labels(regions));
        labels.putAll(labels(healthcareRegions));
        return labels;
    }

    /** Code → Swedish label. */
    public static Map<String, String> labels(List<Member> members) {
        return Dimensions.labelsSv(members);
    }
}
