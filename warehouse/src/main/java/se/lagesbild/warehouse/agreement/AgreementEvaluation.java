package se.lagesbild.warehouse.agreement;

import static se.lagesbild.warehouse.db.Tables.DIM_REGION;
import static se.lagesbild.warehouse.db.Tables.INT_REGION_REPORT_METRIC;
import static se.lagesbild.warehouse.db.Tables.MART_AGREEMENT_CONDITION;
import static se.lagesbild.warehouse.db.Tables.MART_AGREEMENT_DECISION;
import static se.lagesbild.warehouse.db.Tables.REF_AGREEMENT;
import static se.lagesbild.warehouse.db.Tables.REF_AGREEMENT_PAYMENT;
import static se.lagesbild.warehouse.db.Tables.STG_POPULATION;

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
 * The yearly follow-up of the state–SKR agreement: evaluates each region against the conditions
 * held as rows in {@code ref_agreement_condition} (views {@code mart_agreement_condition} and
 * {@code mart_agreement_decision}) and apportions each payment part by population share. An
 * observed inclusion or lead-time share built on fewer patients than the disclosure threshold
 * ({@code LEAD_TIME_PATIENTS}) is hidden; the decision it leads to is still given.
 */
public final class AgreementEvaluation {
    private AgreementEvaluation() {
    }

    /** The agreement years the warehouse has rules for, oldest first. */
    public static List<Integer> years(Warehouse warehouse) {
        return warehouse.dsl().select(REF_AGREEMENT.AGREEMENT_YEAR).from(REF_AGREEMENT).orderBy(REF_AGREEMENT.AGREEMENT_YEAR)
                .fetch(REF_AGREEMENT.AGREEMENT_YEAR);
    }

    /**
     * Evaluates agreement year {@code year}. The first payment goes to every region, second-payment
     * parts only to the regions that meet every condition of the part; each part is split by the
     * regions' populations in the year of the agreement's population reference date, in whole kronor
     * by the largest-remainder method, so the amounts add up exactly to the part. A part nobody
     * qualifies for yet is left unapportioned, with a note saying why.
     *
     * @throws WarehouseException when the year has no agreement rules, or the population for the
     *         reference date is missing for any region
     */
    public static AgreementResult evaluate(Warehouse warehouse, int year) {
        var dsl = warehouse.dsl();
        var agreement = dsl.selectFrom(REF_AGREEMENT).where(REF_AGREEMENT.AGREEMENT_YEAR.eq(year)).fetchOne();
        if (agreement == null) {
            throw new WarehouseException("No agreement rules for " + year + ". Agreement years in the warehouse: " + years(warehouse)
                    + ". Add a year's agreement as rows in a new migration (see sql/migration/V5__agreement_rules.sql).");
        }
        Map<String, Long> population = population(warehouse, agreement.getPopulationReferenceDate().getYear());
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
                    boolean hidden = patients != null && patients < minimum && r.getObservedValue() != null;
                    String reason = r.getReason() == null ? "" : r.getReason();
                    if (hidden) {
                        String shown = r.getStatus().equals("not_met") ? "below the threshold" : reason;
                        reason = (shown.isEmpty() ? "" : shown + "; ") + "value hidden: built on fewer than " + minimum + " patients";
                    }
                    return new AgreementResult.Condition(r.getPaymentCode(), r.getConditionCode(), r.getRegionCode(),
                            r.getRegionNameSv(), r.getMetric(), r.getDescriptionSv(), r.getThreshold(), r.getComparison(),
                            hidden ? null : r.getObservedValue(), r.getStatus(), reason,
                            trend(history.containsKey(r.getRegionCode()) ? history.get(r.getRegionCode()) : List.of(), r.getMetric(), minimum),
                            r.getActionsSv() == null ? "" : r.getActionsSv());
                });
        var d = MART_AGREEMENT_DECISION;
        List<AgreementResult.Decision> decisions = dsl.selectFrom(d).where(d.AGREEMENT_YEAR.eq(year))
                .orderBy(d.PAYMENT_CODE, d.SORT_ORDER)
                .fetch(r -> new AgreementResult.Decision(r.getPaymentCode(), r.getRegionCode(), r.getRegionNameSv(),
                        r.getDecision(), reasons(conditions, r.getPaymentCode(), r.getRegionCode())));
        Map<String, String> names = dsl.select(DIM_REGION.REGION_CODE, DIM_REGION.NAME_SV).from(DIM_REGION)
                .fetchMap(DIM_REGION.REGION_CODE, DIM_REGION.NAME_SV);
        List<AgreementResult.Part> parts = new ArrayList<>();
        var p = REF_AGREEMENT_PAYMENT;
        for (var payment : dsl.selectFrom(p).where(p.AGREEMENT_YEAR.eq(year)).orderBy(p.PAYMENT_NO, p.PART_NO).fetch()) {
            Map<String, AgreementResult.Decision> partDecisions = decisions.stream()
                    .filter(x -> x.paymentCode().equals(payment.getPaymentCode()))
                    .collect(Collectors.toMap(AgreementResult.Decision::regionCode, x -> x));
            parts.add(apportion(payment.getPaymentCode(), payment.getNameSv(), payment.getAmountSek(),
                    payment.getSharedAmong(), population, names, partDecisions));
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

    private static AgreementResult.Part apportion(String code, String name, long amount, String sharedAmong,
            Map<String, Long> population, Map<String, String> names, Map<String, AgreementResult.Decision> decisions) {
        boolean toAll = "all_regions".equals(sharedAmong);
        Map<String, Double> weights = new LinkedHashMap<>();
        population.forEach((region, people) -> {
            if (toAll || (decisions.containsKey(region) && decisions.get(region).qualifies())) {
                weights.put(region, people.doubleValue());
            }
        });
        Map<String, Long> amounts = weights.isEmpty() ? Map.of() : Apportionment.largestRemainder(amount, weights);
        List<AgreementResult.Payment> payments = new ArrayList<>();
        population.forEach((region, people) -> payments.add(new AgreementResult.Payment(region, names.get(region), people,
                weights.containsKey(region), amounts.getOrDefault(region, 0L))));
        long apportioned = amounts.values().stream().mapToLong(Long::longValue).sum();
        String note = "";
        if (weights.isEmpty()) {
            long undecided = decisions.values().stream().filter(x -> "not_evaluable".equals(x.decision())).count();
            note = "not apportioned: no region qualifies" + (undecided > 0
                    ? " yet; " + undecided + " regions are not evaluable (" + commonReason(decisions) + ")" : "");
        }
        return new AgreementResult.Part(code, name, amount, sharedAmong, payments, apportioned, note);
    }

    private static String commonReason(Map<String, AgreementResult.Decision> decisions) {
        return decisions.values().stream().map(AgreementResult.Decision::reasons).filter(r -> !r.isEmpty())
                .collect(Collectors.groupingBy(r -> r, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /**
     * Each region's population (all ages and both sexes) in {@code year}, by region code. Every
     * region must be there: a region missing from the population file cannot be apportioned.
     */
    static Map<String, Long> population(Warehouse warehouse, int year) {
        var dsl = warehouse.dsl();
        var sp = STG_POPULATION;
        Map<String, Long> population = new TreeMap<>();
        dsl.select(sp.REGION_CODE, DSL.sum(sp.POPULATION)).from(sp).where(sp.YEAR.eq(year)).groupBy(sp.REGION_CODE)
                .forEach(r -> population.put(r.value1(), r.value2() == null ? 0L : r.value2().longValue()));
        List<String> regions = dsl.select(DIM_REGION.REGION_CODE).from(DIM_REGION)
                .where(DIM_REGION.REGION_LEVEL.eq("region")).orderBy(DIM_REGION.SORT_ORDER).fetch(DIM_REGION.REGION_CODE);
        List<String> missing = regions.stream().filter(r -> population.getOrDefault(r, 0L) <= 0).toList();
        if (missing.size() == regions.size()) {
            throw new WarehouseException("No population for " + year + " in the warehouse, so payments cannot be apportioned."
                    + " Load SCB's population by region for " + year + " (lagesbild load population FILE).");
        }
        if (!missing.isEmpty()) {
            throw new WarehouseException("The population for " + year + " has no figure for region(s) " + missing
                    + "; every region's population is needed to apportion payments. Load a complete population file.");
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        regions.forEach(r -> ordered.put(r, population.get(r)));
        return ordered;
    }
}
