package se.lagesbild.warehouse.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One agreement year's follow-up: every condition per region, the decision per region and payment
 * part, and the payments apportioned by population.
 */
public record AgreementResult(int year, LocalDate reportDeadline, LocalDate populationDate, String populationNote,
        List<Condition> conditions, List<Decision> decisions, List<Part> parts) {

    /** The decision for {@code regionCode} on payment part {@code paymentCode}; empty for a part without conditions (P1). */
    public Optional<String> decisionOf(String paymentCode, String regionCode) {
        return decision(paymentCode, regionCode).map(Decision::decision);
    }

    /** The decision for {@code regionCode} on payment part {@code paymentCode}, with its reasons; empty for P1. */
    public Optional<Decision> decision(String paymentCode, String regionCode) {
        return decisions.stream().filter(d -> d.paymentCode().equals(paymentCode) && d.regionCode().equals(regionCode)).findFirst();
    }

    /**
     * One condition for one region. {@code status} is met, not_met or not_evaluable; reason is empty
     * when met; trend gives the same measure in the region's earlier reports (empty for lead times);
     * source names where the observed value comes from (the region's report, or the pathways).
     *
     * <p>{@code patients} of {@code patientsBase} are the patients behind an observed share (included in
     * SVF of those diagnosed, or within the maximum lead time of those with an evaluable lead time); both
     * null for a measure that is no share of patients, and for a share hidden for confidentiality.
     */
    public record Condition(String paymentCode, String conditionCode, String regionCode, String regionName, String metric,
            String description, Double threshold, String comparison, Double observed, String status, String reason,
            String trend, String actions, String source, Long patients, Long patientsBase) {
    }

    /** The decision for one region and payment part, with the reasons of every condition not met. */
    public record Decision(String paymentCode, String regionCode, String regionName, String decision, String reasons) {
        public boolean qualifies() {
            return "met".equals(decision);
        }
    }

    /**
     * One payment part: its amount, how it is shared, and each region's amount (0 when not qualifying).
     *
     * @param refused why the part cannot be apportioned at all (no population on the rules' date for a
     *                region it is shared among), or null
     */
    public record Part(String paymentCode, String name, long amount, String sharedAmong, List<Payment> payments,
            long apportioned, String note, String refused) {
    }

    /** Why any part cannot be apportioned, or null when every part can. */
    public String refusal() {
        return parts.stream().map(Part::refused).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** One region's share of a part, next to the population it was computed from. */
    public record Payment(String regionCode, String regionName, long population, boolean qualifies, long amount) {
    }

    /** Whole kronor or patients with the thousands grouped by spaces, as agencies write them: 250 000 000. */
    public static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
