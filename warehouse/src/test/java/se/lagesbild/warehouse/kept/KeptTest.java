package se.lagesbild.warehouse.kept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept result's bytes read back exactly, and the code fingerprint that keeps an old result from being found. */
class KeptTest {
    @TempDir
    Path folder;

    @Test
    void numbersAndTextsComeBackExactly() {
        double[] numbers = {0.1 + 0.2, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e308};
        String[] texts = {"Pohar Perme net survival", null, "Västra Götaland", "", "Pohar Perme net survival", "..; ≥ 5"};
        var out = new Packed.Out();
        out.integer(texts.length);
        for (int i = 0; i < texts.length; i++) {
            out.text(texts[i]).number(numbers[i]);
        }
        var in = new Packed.In(out.bytes());
        assertEquals(texts.length, in.integer());
        for (int i = 0; i < texts.length; i++) {
            String text = in.text();
            if (texts[i] == null) {
                assertNull(text);
            } else {
                assertEquals(texts[i], text);
            }
            assertEquals(Double.doubleToRawLongBits(numbers[i]), Double.doubleToRawLongBits(in.number()), "number " + i + " bit for bit");
        }
    }

    @Test
    void theFingerprintChangesWithAnyClassOfOursAndWithALibrarysVersion() throws Exception {
        Path classes = Files.createDirectories(folder.resolve("classes/se/lagesbild"));
        Files.writeString(classes.resolve("A.class"), "one");
        Files.writeString(classes.resolve("B.class"), "two");
        String library = folder.resolve("commons-statistics-1.1.jar").toString();
        String classPath = folder.resolve("classes") + java.io.File.pathSeparator + library;
        String before = Kept.fingerprint(classPath);
        assertEquals(before, Kept.fingerprint(classPath), "the same code, the same fingerprint");
        Files.writeString(classes.resolve("B.class"), "twO");
        String changed = Kept.fingerprint(classPath);
        assertNotEquals(before, changed, "one byte of one class");
        assertNotEquals(changed, Kept.fingerprint(classPath.replace("1.1.jar", "1.2.jar")), "another version of a library");
    }
}
