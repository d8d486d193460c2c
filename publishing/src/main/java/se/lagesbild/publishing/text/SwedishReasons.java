package se.lagesbild.publishing.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The agreement's reasons and notes (English in the warehouse, so the API and the CSV files are one
 * language) in Swedish for the Markdown compilation and the agreement notebook in Swedish. A text with
 * no known pattern is left as it is.
 */
public final class SwedishReasons {
    private static final Map<Pattern, String> PATTERNS = new LinkedHashMap<>();
    private static final Pattern DECIMAL_POINT = Pattern.compile("(\\d)\\.(\\d)");

    static {
        add("no report for (\\d{4}) received", "ingen rapport för $1 har kommit in");
        add("threshold not set", "tröskelvärdet är inte fastställt");
        add("missing data: no pathway records from the region for (.+?)(?=;|$)", "uppgifter saknas: inga förlopp från regionen för $1");
        add("missing first-half-year inclusion data in the report", "rapporten saknar inklusion för första halvåret");
        add("missing data: no treated pathways in (\\S+)", "uppgifter saknas: inga behandlade förlopp under $1");
        add("([\\d.]+) % is ([\\d.]+) percentage points below ([\\d.]+) %", "$1 % är $2 procentenheter under $3 %");
        add("([\\d.]+) % is ([\\d.]+) percentage points above ([\\d.]+) %", "$1 % är $2 procentenheter över $3 %");
        add("the report says PREM is not used", "rapporten anger att PREM inte används");
        add("late report: submitted (\\S+), (\\d+) days after the deadline (\\S+)", "sen rapport: inkom $1, $2 dagar efter sista dag $3");
        add("below the threshold", "under tröskelvärdet");
        add("value hidden for confidentiality", "värdet visas inte av sekretesskäl");
        add("not apportioned: no region qualifies yet; (\\d+) regions are not evaluable", "inte fördelad: ingen region uppfyller villkoren"
                + " ännu; $1 regioner kan inte bedömas");
        add("not apportioned: no region qualifies", "inte fördelad: ingen region uppfyller villkoren");
        add("PREM used", "PREM används");
        add("no PREM", "ingen PREM");
        add("submitted (\\d{4}-\\d{2}-\\d{2})", "inkom $1");
        add("(\\S+): none of the six RCCs reported", "$1: inget av de sex RCC har rapporterat");
        add("(\\S+): the RCCs report ([\\d ]+) kr allocated, the agreement gives ([\\d ]+) kr",
                "$1: RCC rapporterar $2 kr tilldelat, överenskommelsen anger $3 kr");
        add("(\\S+): (\\d) of the six RCCs reported", "$1: $2 av de sex RCC har rapporterat");
        add("(\\S+ \\S+): split not checked, no population loaded for the reference year",
                "$1: fördelningen är inte kontrollerad, ingen befolkning är inläst för referensåret");
        add("(\\S+ \\S+): ([\\d.]+) % of the area's money, population share ([\\d.]+) % \\(([+-][\\d.]+) pp\\)",
                "$1: $2 % av områdets medel, befolkningsandel $3 % ($4 procentenheter)");
        add("(\\S+ \\S+): projects total ([\\d ]+) kr, more than the ([\\d ]+) kr passed on",
                "$1: projekten summerar till $2 kr, mer än de $3 kr som vidarefördelats");
    }

    private SwedishReasons() {
    }

    private static void add(String english, String swedish) {
        PATTERNS.put(Pattern.compile(english), swedish);
    }

    /** {@code english} in Swedish, pattern by pattern, with decimal commas. */
    public static String of(String english) {
        String text = english;
        for (var p : PATTERNS.entrySet()) {
            text = p.getKey().matcher(text).replaceAll(p.getValue());
        }
        return DECIMAL_POINT.matcher(text).replaceAll("$1,$2"); // 55.6 % → 55,6 %
    }
}
