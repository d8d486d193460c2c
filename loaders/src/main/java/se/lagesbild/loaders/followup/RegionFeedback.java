package se.lagesbild.loaders.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What is missing or wrong in one region's reporting for one year.
 *
 * @param missingMonths      complete months of the year without a single pathway record ("2026-03")
 * @param svfsWithoutRecords SVFs introduced by the year without a single record in it ("MPN Myeloproliferativa …")
 * @param reportSubmitted    when the yearly report arrived, or null when it has not
 * @param reportDeadline     the agreement's deadline for the year, or null when no agreement names one
 * @param premResults        PREM result rows for periods in the year
 * @param premUsed           what the yearly report says about PREM, or null without a report
 * @param quarantinedByRule  rows of this region's deliveries for the year kept in quarantine, per rule
 */
public record RegionFeedback(String regionCode, String regionName, int year, List<String> missingMonths,
                             List<String> svfsWithoutRecords, LocalDate reportSubmitted, LocalDate reportDeadline, long premResults,
                             Boolean premUsed, Map<String, Long> quarantinedByRule) {

    public boolean reportMissing() {
        return reportSubmitted == null;
    }

    public boolean reportLate() {
        return reportSubmitted != null && reportDeadline != null && reportSubmitted.isAfter(reportDeadline);
    }

    public boolean premMissing() {
        return premResults == 0 || Boolean.FALSE.equals(premUsed);
    }

    public long quarantinedRows() {
        return quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the region's reporting for the year is complete. */
    public boolean complete() {
        return missingMonths.isEmpty() && svfsWithoutRecords.isEmpty() && !reportMissing() && !reportLate() && !premMissing()
                && quarantinedRows() == 0;
    }
}
