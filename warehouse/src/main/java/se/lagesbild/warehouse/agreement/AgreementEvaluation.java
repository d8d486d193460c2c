package se.lagesbild.warehouse.agreement;

import static se.lagesbild.warehouse.db.Tables.DIM_REGION;
import static se.lagesbild.warehouse.db.Tables.INT_AGREEMENT;
import static se.lagesbild.warehouse.db.Tables.INT_AGREEMENT_PAYMENT;
import static se.lagesbild.warehouse.db.Tables.INT_POPULATION_TOTAL;
import static se.lagesbild.warehouse.db.Tables.INT_REGION_REPORT_METRIC;
import static se.lagesbild.warehouse.db.Tables.MART_AGREEMENT_CONDITION;
import static se.lagesbild.warehouse.db.Tables.MART_AGREEMENT_DECISION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.db.tables.records.IntRegionReportMetricRecord;
import se.lagesbild.warehouse.disclosure.Disclosure;

/**
 * The yearly follow-up of the state–SKR agreement: evaluates each region against the conditions of
 * the agreement rules as loaded ({@code lagesbild load agreement-rules FILE}; views
 * {@code mart_agreement_condition} and {@code mart_agreement_decision}) and apportions each payment
 * part by the regions' population on the date the rules name. An
 * observed inclusion or lead-time share built on fewer patients than the disclosure threshold
 * ({@code LEAD_TIME_PATIENTS}) is hidden; the decision it leads to is still given.
 */
public final class AgreementEvaluation {
    private AgreementEvaluation() {
    }

    /** The agreement years the warehouse has rules for, oldest first. */
    public static List<Integer> years(Warehouse warehouse) {
        return warehouse.dsl().select(INT_AGREEMENT.AGREEMENT_YEAR).from(INT_AGREEMENT).orderBy(INT_AGREEMENT.AGREEMENT_YEAR)
                .fetch(INT_AGREEMENT.AGREEMENT_YEAR);
    }

    /**
     * Evaluates agreement year {@code year}. The first payment goes to every region, second-payment
     * parts only to the regions that meet every condition of the part; each part is split by the
     * regions' population on the date the rules name (SCB's figure for that date: a region's total,
     * or the sum of its figures by sex and age), in whole kronor by the largest-remainder method, so
     * the amounts add up exactly to the part. Only the regions a part is shared among need a
     * population. A part nobody qualifies for yet is left unapportioned, with a note saying why; a part
     * whose regions have no population on the date is not apportioned and says which date and SCB
     * table to load ({@link AgreementResult.Part#refused()}).
     *
     * @throws WarehouseException when the year has no agreement rules
     */
    public static AgreementResult evaluate(Warehouse warehouse, int year) {
        var dsl = warehouse.dsl();
        var agreement = dsl.selectFrom(INT_AGREEMENT).where(INT_AGREEMENT.AGREEMENT_YEAR.eq(year)).fetchOne();
        if (agreement == null) {
            List<Integer> years = years(warehouse);
            throw new WarehouseException("No agreement rules for " + year + ". " + (years.isEmpty() ? "None are loaded."
                    : "Agreement years in the warehouse: " + years + ".") + " Load the year's rules with lagesbild load agreement-rules FILE"
                    + " (docs/formats/agreement-rules.md; the 2025 and 2026 rules are shipped in sql/agreement-rules/).");
        }
        Map<String, Long> population = population(warehouse, agreement.getPopulationReferenceDate());
        // disclosure control: an observed share built on fewer patients than the threshold is not shown
        int minimum = Disclosure.thresholds(warehouse).get(Disclosure.PRIMARY);
        var h = INT_REGION_REPORT_METRIC;
        Map<String, org.jooq.Result<IntRegionReportMetricRecord>> history = dsl.selectFrom(h).where(h.REPORT_YEAR.lt(year))
                .orderBy(h.REPORT_YEAR).fetchGroups(h.REGION_CODE);
        var c = MART_AGREEMENT_CONDITION;
        List<AgreementResult.Condition> conditions = dsl.selectFrom(c).where(c.AGREEMENT_YEAR.eq(year))
                .orderBy(c.SORT_ORDER, c.PAYMENT_CODE, c.CONDITION_CODE)
                .fetch(r -> {
                    Long patients = r.getMetric().equals("svf_inclusion") ? r.getInclusionDenominatorH1()
                            : r.getMetric().equals("lead_time_within_max") ? r.getLeadTimeEvaluable() : null;
                    Long counted = r.getMetric().equals("svf_inclusion") ? r.getInclusionNumeratorH1()
                            : r.getMetric().equals("lead_time_within_max") ? r.getLeadTimeWithin() : null;
                    boolean hidden = patients != null && patients < minimum && r.getObservedValue() != null;
                    String reason = r.getReason() == null ? "" : r.getReason();
                    if (hidden) {
                        String shown = r.getStatus().equals("not_met") ? "below the threshold" : reason;
                        reason = (shown.isEmpty() ? "" : shown + "; ") + "value " + Disclosure.CONFIDENTIAL;
                    }
                    return new AgreementResult.Condition(r.getPaymentCode(), r.getConditionCode(), r.getRegionCode(),
                            r.getRegionNameSv(), r.getMetric(), r.getDescriptionSv(), r.getThreshold(), r.getComparison(),
                            hidden ? null : r.getObservedValue(), r.getStatus(), reason,
                            trend(history.containsKey(r.getRegionCode()) ? history.get(r.getRegionCode()) : List.of(), r.getMetric(), minimum),
                            r.getActionsSv() == null ? "" : r.getActionsSv(), r.getSource(), hidden || patients == null ? null : counted,
                            hidden ? null : patients);
                });
        var d = MART_AGREEMENT_DECISION;
        List<AgreementResult.Decision> decisions = dsl.selectFrom(d).where(d.AGREEMENT_YEAR.eq(year))
                .orderBy(d.PAYMENT_CODE, d.SORT_ORDER)
                .fetch(r -> new AgreementResult.Decision(r.getPaymentCode(), r.getRegionCode(), r.getRegionNameSv(),
                        r.getDecision(), reasons(conditions, r.getPaymentCode(), r.getRegionCode())));
        Map<String, String> names = new LinkedHashMap<>(); // the 21 regions, in their order
        dsl.select(DIM_REGION.REGION_CODE, DIM_REGION.NAME_SV).from(DIM_REGION).where(DIM_REGION.REGION_LEVEL.eq("region"))
                .orderBy(DIM_REGION.SORT_ORDER).forEach(r -> names.put(r.value1(), r.value2()));
        List<AgreementResult.Part> parts = new ArrayList<>();
        var p = INT_AGREEMENT_PAYMENT;
        for (var payment : dsl.selectFrom(p).where(p.AGREEMENT_YEAR.eq(year)).orderBy(p.PAYMENT_NO, p.PART_NO).fetch()) {
            Map<String, AgreementResult.Decision> partDecisions = decisions.stream()
                    .filter(x -> x.paymentCode().equals(payment.getPaymentCode()))
                    .collect(Collectors.toMap(AgreementResult.Decision::regionCode, x -> x));
            parts.add(apportion(payment.getPaymentCode(), payment.getNameSv(), payment.getAmountSek(),
                    payment.getSharedAmong(), population, agreement.getPopulationReferenceDate(), names, partDecisions, loadedDates(warehouse)));
        }
        return new AgreementResult(year, agreement.getReportDeadline(), agreement.getPopulationReferenceDate(),
                agreement.getPopulationReferenceNote(), conditions, decisions, parts);
    }

    /**
     * Why a region's part is not met, from its conditions' reasons after disclosure control (the
     * view's own reasons would repeat a hidden share).
     */
    private static String reasons(List<AgreementResult.Condition> conditions, String paymentCode, String regionCode) {
        return conditions.stream().filter(c -> c.paymentCode().equals(paymentCode) && c.regionCode().equals(regionCode)
                        && !c.status().equals("met"))
                .sorted(java.util.Comparator.comparing(AgreementResult.Condition::conditionCode))
                .map(c -> c.conditionCode() + ": " + c.reason()).collect(Collectors.joining("; "));
    }

    /** The measure of {@code metric} in each earlier report, oldest first; shares on fewer than {@code minimum} patients as "–". */
    private static String trend(List<IntRegionReportMetricRecord> reports, String metric, int minimum) {
        if (metric.equals("lead_time_within_max")) {
            return ""; // lead times are not in the reports
        }
        return reports.stream().map(r -> r.getReportYear() + " " + switch (metric) {
            case "svf_inclusion" -> r.getInclusionShare() == null || r.getInclusionDenominatorH1() < minimum ? "–"
                    : String.format(Locale.ROOT, "%.1f %%", 100 * r.getInclusionShare());
            case "prem_used" -> r.getPremUsedValue() != null && r.getPremUsedValue().doubleValue() == 1 ? "PREM used" : "no PREM";
            case "report_submitted" -> "submitted " + r.getSubmittedDate();
            default -> "";
        }).collect(Collectors.joining(", "));
    }

    private static AgreementResult.Part apportion(String code, String name, long amount, String sharedAmong, Map<String, Long> population,
            java.time.LocalDate date, Map<String, String> names, Map<String, AgreementResult.Decision> decisions,
            List<java.time.LocalDate> loaded) {
        boolean toAll = "all_regions".equals(sharedAmong);
        List<String> sharing = names.keySet().stream().filter(r -> toAll || (decisions.containsKey(r) && decisions.get(r).qualifies()))
                .toList();
        List<String> missing = sharing.stream().filter(r -> population.getOrDefault(r, 0L) <= 0).toList();
        Map<String, Double> weights = new LinkedHashMap<>();
        sharing.forEach(region -> weights.put(region, population.getOrDefault(region, 0L).doubleValue()));
        Map<String, Long> amounts = weights.isEmpty() || !missing.isEmpty() ? Map.of() : Apportionment.largestRemainder(amount, weights);
        List<AgreementResult.Payment> payments = new ArrayList<>();
        names.keySet().forEach(region -> payments.add(new AgreementResult.Payment(region, names.get(region), population.getOrDefault(region, 0L),
                weights.containsKey(region), amounts.getOrDefault(region, 0L))));
        long apportioned = amounts.values().stream().mapToLong(Long::longValue).sum();
        String note = "";
        String refused = null;
        if (!missing.isEmpty()) {
            refused = "not apportioned: no population on " + date + " is loaded for " + (missing.size() == names.size() ? "any region"
                    : "region" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing.stream().map(r -> r + " " + names.get(r)).toList()))
                    + ". " + datesLoaded(loaded, date) + " Load SCB's population on that date (table BE0101: BE0101N1 for 31 December, the"
                    + " monthly table for the end of a month) with lagesbild load population FILE, or correct the rules' population_date.";
            note = refused;
        } else if (weights.isEmpty()) {
            long undecided = decisions.values().stream().filter(x -> "not_evaluable".equals(x.decision())).count();
            note = "not apportioned: no region qualifies" + (undecided > 0
                    ? " yet; " + undecided + " regions are not evaluable (" + commonReason(decisions) + ")" : "");
        }
        return new AgreementResult.Part(code, name, amount, sharedAmong, payments, apportioned, note, refused);
    }

    private static String commonReason(Map<String, AgreementResult.Decision> decisions) {
        return decisions.values().stream().map(AgreementResult.Decision::reasons).filter(r -> !r.isEmpty())
                .collect(Collectors.groupingBy(r -> r, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** The dates some population is loaded for, oldest first. */
    static List<java.time.LocalDate> loadedDates(Warehouse warehouse) {
        var t = INT_POPULATION_TOTAL;
        return warehouse.dsl().selectDistinct(t.REFERENCE_DATE).from(t).orderBy(t.REFERENCE_DATE).fetch(t.REFERENCE_DATE);
    }

    /** "Population is loaded for 2024-12-31, 2025-09-30 (the nearest: 2025-09-30)." or "No population is loaded." */
    static String datesLoaded(List<java.time.LocalDate> loaded, java.time.LocalDate wanted) {
        if (loaded.isEmpty()) {
            return "No population is loaded at all.";
        }
        java.time.LocalDate nearest = loaded.stream().min(java.util.Comparator.comparingLong(d -> Math.abs(d.toEpochDay() - wanted.toEpochDay())))
                .orElseThrow();
        List<String> shown = loaded.size() <= 12 ? loaded.stream().map(Object::toString).toList()
                : loaded.subList(loaded.size() - 12, loaded.size()).stream().map(Object::toString).toList();
        return "Population is loaded for " + (loaded.size() > 12 ? "… " : "") + String.join(", ", shown) + " (the nearest: " + nearest + ").";
    }

    /**
     * Each region's whole population on {@code date} (its delivered total, or the sum of its figures
     * by sex and age; view int_population_total), by region code in the regions' order; regions
     * without a figure on the date are left out (a part shared among them is refused by name).
     */
    static Map<String, Long> population(Warehouse warehouse, java.time.LocalDate date) {
        var dsl = warehouse.dsl();
        var t = INT_POPULATION_TOTAL;
        Map<String, Long> found = new TreeMap<>();
        dsl.select(t.REGION_CODE, t.POPULATION).from(t).where(t.REFERENCE_DATE.eq(date))
                .forEach(r -> found.put(r.value1(), r.value2() == null ? 0L : r.value2().longValue()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        dsl.select(DIM_REGION.REGION_CODE).from(DIM_REGION).where(DIM_REGION.REGION_LEVEL.eq("region")).orderBy(DIM_REGION.SORT_ORDER)
                .fetch(DIM_REGION.REGION_CODE).forEach(r -> {
                    if (found.containsKey(r)) {
                        ordered.put(r, found.get(r));
                    }
                });
        return ordered;
    }
}
