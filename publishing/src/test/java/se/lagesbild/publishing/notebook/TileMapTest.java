package se.lagesbild.publishing.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TileMapTest {
    private static final List<String> REGIONS = List.of("01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17",
            "18", "19", "20", "21", "22", "23", "24", "25");

    @Test
    void everyRegionHasItsOwnTile() {
        assertEquals(Set.copyOf(REGIONS), TileMap.PLACES.keySet());
        Set<String> places = new HashSet<>();
        TileMap.PLACES.values().forEach(p -> assertTrue(places.add(p[0] + "/" + p[1]), "one region per tile: " + p[0] + "/" + p[1]));
        assertTrue(TileMap.PLACES.get("25")[0] < TileMap.PLACES.get("01")[0] && TileMap.PLACES.get("01")[0] < TileMap.PLACES.get("12")[0],
                "Norrbotten above Stockholm above Skåne");
    }

    @Test
    void valuesAreWrittenAndHiddenOnesShownAsDots() {
        String html = TileMap.of(se.lagesbild.publishing.text.Language.EN, "Share, 2027", Map.of("01", "Stockholm", "09", "Gotland", "12", "Skåne"),
                Map.of("01", 0.5, "12", 0.9, "09", Double.NaN), v -> String.format(java.util.Locale.ROOT, "%.0f %%", 100 * v));
        assertTrue(html.contains("Stockholm<br><b>50 %</b>") && html.contains("Skåne<br><b>90 %</b>"), html);
        assertTrue(html.contains("Gotland<br><b>..</b>"), "hidden: " + html);
        assertTrue(html.contains("background:#f7f7f7") && html.contains("background:#252525"), "lightest and darkest grey: " + html);
        assertTrue(html.contains("lightest 50 %, darkest 90 %"));
        String swedish = TileMap.of(se.lagesbild.publishing.text.Language.SV, "Andel, 2027", Map.of("01", "Stockholm"), Map.of("01", 0.5),
                v -> se.lagesbild.publishing.text.Language.SV.value(v, "proportion"));
        assertTrue(swedish.contains("Stockholm<br><b>50,0\u00a0%</b>") && swedish.contains("ljusast 50,0\u00a0%"), swedish);
    }
}
