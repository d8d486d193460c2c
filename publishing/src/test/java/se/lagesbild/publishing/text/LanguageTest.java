package se.lagesbild.publishing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class LanguageTest {
    private static final String NB = "\u00a0";
    private static final String THIN = "\u202f";
    private static final String MINUS = "\u2212";

    @Test
    void swedishNumbersAsVardanalysWritesThem() {
        Language sv = Language.SV;
        assertEquals("83,1" + NB + "%", sv.value(0.8313, "proportion"));
        assertEquals("553,4" + NB + "per" + NB + "100" + THIN + "000", sv.value(553.44, "per 100 000"));
        assertEquals("36" + NB + "dagar", sv.value(36.2, "days"));
        assertEquals("(79,7–83,9)", sv.interval(0.797, 0.839, "proportion"));
        assertEquals("83,1" + NB + "% (79,7–83,9)", sv.valueWithInterval(0.8313, 0.797, 0.839, "proportion"));
        assertEquals("12" + THIN + "345", sv.count(12345));
        assertEquals("+2,3" + NB + "procentenheter", sv.change(0.023, "proportion"));
        assertEquals(MINUS + "1,2" + NB + "procentenheter", sv.change(-0.012, "proportion"));
        assertEquals("(" + MINUS + "4,2 till 1,8)", sv.interval(-0.042, 0.018, "proportion"), "a negative bound: till, not a dash");
        assertEquals("(" + MINUS + "44,7 till " + MINUS + "8,9)", sv.interval(-0.447, -0.089, "proportion"));
        assertEquals("+1" + NB + "dag", sv.change(1.2, "days"), "one day");
        assertEquals(MINUS + "1" + NB + "dag", sv.change(-0.9, "days"));
        assertEquals("0" + NB + "dagar", sv.value(0.2, "days"));
        assertEquals("Uppsala, Sörmland och Skåne", sv.list(java.util.List.of("Uppsala", "Sörmland", "Skåne")));
        assertEquals("Skåne", sv.list(java.util.List.of("Skåne")));
        assertEquals("0,0", sv.number(-0.01, 1), "no negative zero");
        assertEquals("< 0,001", sv.pValue(0.00001));
        assertEquals("p = 0,0063", sv.pStatement(0.0063));
        assertEquals("–", sv.value(null, "proportion"));
        assertEquals("–", sv.value(Double.NaN, "proportion"));
        assertEquals("", sv.interval(0.1, null, "proportion"));
    }

    @Test
    void englishNumbers() {
        Language en = Language.EN;
        assertEquals("83.1" + NB + "%", en.value(0.8313, "proportion"));
        assertEquals("1,553.4" + NB + "per" + NB + "100,000", en.value(1553.44, "per 100 000"));
        assertEquals("36" + NB + "days", en.value(36.0, "days"));
        assertEquals("(79.7–83.9)", en.interval(0.797, 0.839, "proportion"));
        assertEquals("(" + MINUS + "44.7 to " + MINUS + "8.9)", en.interval(-0.447, -0.089, "proportion"));
        assertEquals("1" + NB + "day", en.value(1.0, "days"));
        assertEquals("+2.3" + NB + "percentage points", en.change(0.023, "proportion"));
    }

    @Test
    void theReadmeStatesTheProtectionRuleInTheReportsWords() throws IOException {
        // issue 31: what an attacker can and cannot learn is said once, the same in the README and the report
        String rule = Language.EN.text("section.methods.disclosure", "").replace(" Thresholds: .", "");
        assertTrue(rule.contains("possibly 0") && rule.contains("at most 300"), "the limits are stated: " + rule);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("> " + rule + "\n"), "README.md quotes the report's method text on disclosure control word for word: " + rule);
        assertTrue(Language.SV.text("section.methods.disclosure", "").contains("kan vara 0"), "and the Swedish report says the same");
    }

    @Test
    void theLanguageIsChosenByItsCodeAndABadOneIsNamed() {
        assertEquals(Language.SV, Language.parse(null, "--lang"));
        assertEquals(Language.EN, Language.parse(" EN ", "--lang"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Language.parse("de", "--lang"));
        assertTrue(e.getMessage().contains("--lang must be sv") && e.getMessage().contains("'de'"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Language.SV.text("no.such.text"));
        assertTrue(missing.getMessage().contains("texts_sv.properties"), missing.getMessage());
    }

    @Test
    void everyTextIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
        Properties sv = load("sv");
        Properties en = load("en");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(sv.stringPropertyNames()), "the same keys");
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(sv.getProperty(key)), key);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        var m = java.util.regex.Pattern.compile("\\{\\d}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties load(String code) throws IOException {
        Properties p = new Properties();
        try (var in = Language.class.getResourceAsStream("texts_" + code + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void agreementConditionCodesAreNamedWhereTheLanguageHasANameForThem() {
        assertEquals("Ledtid bröstcancer: tröskelvärdet är inte fastställt; NEW_RULE: x",
                Language.SV.conditionNames("LEAD_TIME_BREAST: tröskelvärdet är inte fastställt; NEW_RULE: x"));
        assertEquals("Inclusion: 55.6 % is 14.4 percentage points below 70 %",
                Language.EN.conditionNames("INCLUSION: 55.6 % is 14.4 percentage points below 70 %"));
    }
}
