package se.lagesbild.api;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PxWeb 2 in Debian's headless Chromium, driven through Debian's chromedriver with Selenium, and read
 * as a user reads it: the table's cells (its {@code td} elements name their row and column headers,
 * {@code R.<level><code>.I<n>} in the stub and {@code H<level>.<code>.I<n>} in the heading), the
 * variable boxes of the selection panel by their titles ({@code title-<variable>}).
 */
final class PxWeb2Browser {
    private static final Pattern STUB = Pattern.compile("R\\.(\\d)(.*)\\.I\\d+");
    private static final Pattern HEADING = Pattern.compile("H(\\d+)\\.(.*)\\.I\\d+");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Every cell with its headers' ids and texts, the table scrolled through (PxWeb 2 renders only the rows in view). */
    private static final String CELLS = """
            const seen = arguments[0];
            for (const td of document.querySelectorAll('td[headers]')) {
              const ids = td.getAttribute('headers').trim().split(/\\s+/);
              const key = ids.join(' ');
              if (!(key in seen)) {
                seen[key] = [td.innerText.trim(), ids.map(id => { const h = document.getElementById(id); return h ? h.innerText.trim() : ''; })];
              }
            }
            for (const e of document.querySelectorAll('*')) {
              const style = getComputedStyle(e);
              if (e.scrollHeight > e.clientHeight + 5 && /auto|scroll/.test(style.overflowY)) { e.scrollTop += 500; }
            }
            window.scrollBy(0, 500);
            return seen;""";

    private PxWeb2Browser() {
    }

    /** The PxWeb 2 build beside the project (shared/tools/pxweb2/dist). */
    static Path dist() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/tools/pxweb2/dist");
            if (Files.isRegularFile(candidate.resolve("index.html"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/tools/pxweb2/dist (PxWeb 2's build) not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Headless Chromium with Debian's chromedriver, saving downloads in {@code downloads};
     * {@code scripts/ensure-notebook-tools --browser} installs both.
     */
    static WebDriver open(Path downloads) {
        File driver = new File("/usr/bin/chromedriver");
        if (!driver.canExecute()) {
            throw new IllegalStateException("/usr/bin/chromedriver is missing: run scripts/ensure-notebook-tools --browser"
                    + " (Debian's chromium and chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000", "--lang=sv");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Every cell of the table on the page, keyed by its variables' codes, with the text shown. */
    @SuppressWarnings("unchecked")
    static Map<Map<String, String>, String> allCells(JavascriptExecutor page, JsonNode metadata) {
        Map<String, Object> seen = new HashMap<>();
        int still = 0;
        while (still < 3) {
            int before = seen.size();
            seen = (Map<String, Object>) page.executeScript(CELLS, seen);
            still = seen.size() == before ? still + 1 : 0;
        }
        page.executeScript("window.scrollTo(0, 0); for (const e of document.querySelectorAll('*')) { if (e.scrollTop) e.scrollTop = 0; }");
        Map<Map<String, String>, String> cells = new LinkedHashMap<>();
        for (var e : seen.entrySet()) {
            List<Object> cell = (List<Object>) e.getValue();
            String[] ids = e.getKey().split(" ");
            List<Object> texts = (List<Object>) cell.get(1);
            Map<String, String> codes = new LinkedHashMap<>();
            for (int i = 0; i < ids.length; i++) {
                String[] code = variableAndCode(ids[i], (String) texts.get(i), metadata);
                codes.put(code[0], code[1]);
            }
            cells.put(codes, (String) cell.get(0));
        }
        return cells;
    }

    /** The variable and code of a header: its code from the id, its variable the one whose value has that code and label. */
    private static String[] variableAndCode(String id, String label, JsonNode metadata) {
        Matcher m = STUB.matcher(id);
        if (!m.matches()) {
            m = HEADING.matcher(id);
        }
        if (!m.matches()) {
            throw new AssertionError("a header id PxWeb 2 does not write: " + id);
        }
        String code = m.group(2);
        var dimensions = metadata.path("dimension").fields();
        while (dimensions.hasNext()) {
            var d = dimensions.next();
            if (d.getValue().path("category").path("label").path(code).asText("\u0000").equals(label)) {
                return new String[] {d.getKey(), code};
            }
        }
        throw new AssertionError("header " + id + " '" + label + "' is no value of the table's metadata");
    }

    /** A number as PxWeb 2 shows it in Swedish: "80,9", "1 234". */
    static double number(String shown) {
        return Double.parseDouble(shown.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.').replace('\u2212', '-'));
    }

    /** The page's text, for a failure message. */
    static String pageText(WebDriver page) {
        String text = page.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
        return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
    }

    /** Opens a variable's box in the selection panel (opening the panel first when the page starts with it closed). */
    static void openVariable(WebDriver page, String variable) {
        WebElement header = new WebDriverWait(page, PATIENCE).until(d -> visible(d, By.cssSelector("button[aria-labelledby^='title-" + variable + " ']")));
        if (!"true".equals(header.getAttribute("aria-expanded"))) {
            header.click();
        }
    }

    /** Picks the codelist shown as {@code label} for a variable, as a user does: "Välj kategori", the option, "Spara". */
    static void chooseCodelist(WebDriver page, String variable, String label) {
        WebDriverWait wait = new WebDriverWait(page, PATIENCE);
        wait.until(d -> visible(box(d, variable), By.cssSelector("[aria-label^='Välj kategori']"))).click();
        wait.until(d -> visible(d, By.xpath("//dialog//*[normalize-space(text())='" + label + "']"))).click();
        wait.until(d -> visible(d, By.xpath("//dialog//button[normalize-space(.)='Spara']"))).click();
    }

    /** "Välj alla" in a variable's box. */
    static void selectAll(WebDriver page, String variable) {
        WebElement all = new WebDriverWait(page, PATIENCE).until(d -> visible(box(d, variable),
                By.cssSelector("[id^='" + variable + "'][id$='mixedCheckbox']")));
        if (!"true".equals(all.getAttribute("aria-checked"))) {
            all.click();
        }
    }

    /** Ticks the value {@code code} in a variable's box. */
    static void check(WebDriver page, String variable, String code) {
        WebElement box = new WebDriverWait(page, PATIENCE).until(d -> visible(box(d, variable),
                By.cssSelector("[role='checkbox'][id^='" + code + "'][id$='checkbox']:not([id$='mixedCheckbox'])")));
        if (!"true".equals(box.getAttribute("aria-checked"))) {
            box.click();
        }
    }

    /**
     * Saves the table as a user does ("Spara", then the format's button, e.g. "Excel (.xlsx)") and
     * returns the file once the browser has written it to {@code downloads}.
     */
    static Path download(WebDriver page, String format, Path downloads) throws java.io.IOException {
        WebDriverWait wait = new WebDriverWait(page, PATIENCE);
        if (page.findElements(By.cssSelector("button[aria-label='" + format + "']")).stream().noneMatch(WebElement::isDisplayed)) {
            wait.until(d -> visible(d, By.xpath("//button[normalize-space(.)='Spara']"))).click();
        }
        java.util.Set<Path> before;
        try (var files = Files.list(downloads)) {
            before = files.collect(java.util.stream.Collectors.toSet());
        }
        wait.until(d -> visible(d, By.cssSelector("button[aria-label='" + format + "']"))).click();
        return wait.withMessage("no " + format + " file saved in " + downloads).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> !before.contains(f) && !f.toString().endsWith(".crdownload") && !f.toString().endsWith(".tmp"))
                        .findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    private static WebElement box(WebDriver page, String variable) {
        return page.findElement(By.xpath("//h3[@id='title-" + variable + "']/ancestor::div[contains(@class, '_variablebox_')][1]"));
    }

    private static WebElement visible(org.openqa.selenium.SearchContext context, By by) {
        return context.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }
}
