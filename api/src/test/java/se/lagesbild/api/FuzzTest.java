package se.lagesbild.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A few thousand random and hostile query strings against every route: nothing is a 5xx, and
 * every refusal is a problem document. The seed is fixed, so a failure can be replayed.
 */
class FuzzTest {
    private static final List<String> PATHS = List.of("/health", "/config", "/regions", "/periods", "/indicators",
            "/indicators/svf_within_lead_time", "/indicators/svf_within_lead_time/values", "/indicators/new_cancer_cases_rate/values",
            "/indicators/svf_lead_time_p80/values", "/indicators/svf_inclusion/equity", "/indicators/svf_within_lead_time/equity",
            "/indicators/new_cancer_cases_dsr_esp2013/equity", "/indicators/svf_within_lead_time/baseline",
            "/indicators/svf_lead_time_median/baseline", "/agreement/2026/conditions", "/agreement/2026/payments", "/vintages",
            "/snapshots", "/indicators/%00/values", "/indicators/..%2F..%2Fetc/values", "/agreement/-1/payments",
            "/agreement/99999999999999999999/conditions");
    private static final List<String> NAMES = List.of("region", "healthcare-region", "sex", "period", "diagnosis", "age", "format",
            "snapshot", "baseline", "followup", "goal", "year", "", "REGION", "region[]", "%00", "a%3Db");
    private static final List<String> VALUES = List.of("01", "00,01,03", "22", "NORR", "1", "2", "3", "1,2", "2026", "2026H1",
            "2027", "2026-03", "2026Q2", "ALL", "BREAST", "CRC,LUNG", "18+", "0-17", "json", "csv", "json-stat2", "arrow", TestApi.SNAPSHOT,
            "", ",", ",,", "01,", ",01", "' OR 1=1 --", "\"; DROP TABLE load_batch; --", "<script>alert(1)</script>", "%00", "%FF%FE",
            "..%2F..%2Fetc%2Fpasswd", "9".repeat(30), "-1", "1e309", "NaN", "null", "%E2%80%AE", "x".repeat(5000), "2026%0D%0AX-Injected:%201",
            "${jndi:ldap://x}", "{{7*7}}", "%25", "+", "%20", "2026,2026,2026");

    @Test
    void noQueryIsAServerError() {
        Random random = new Random(20261122);
        int requests = 0;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            StringBuilder url = new StringBuilder(ApiServer.BASE).append(PATHS.get(random.nextInt(PATHS.size())));
            int parameters = random.nextInt(5);
            for (int p = 0; p < parameters; p++) {
                url.append(p == 0 ? '?' : '&');
                url.append(random.nextInt(6) == 0 ? junk(random) : NAMES.get(random.nextInt(NAMES.size())));
                if (random.nextInt(10) > 0) {
                    url.append('=').append(random.nextInt(5) == 0 ? junk(random) : VALUES.get(random.nextInt(VALUES.size())));
                }
            }
            String[] headers = random.nextInt(4) == 0 ? new String[] {"Accept", random.nextBoolean() ? "text/csv" : "*/*;q=0.1, bogus"}
                    : new String[0];
            HttpResponse<byte[]> response;
            try {
                response = TestApi.get(url.toString(), headers);
            } catch (IllegalArgumentException e) {
                continue; // not a URI the client will send (the server never sees it)
            }
            requests++;
            int status = response.statusCode();
            statuses.add(status);
            assertTrue(status < 500, status + " for " + url + ": " + TestApi.text(response));
            if (status >= 400) {
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), url.toString());
                JsonNode problem = TestApi.json(response);
                assertTrue(Spec.checkComponent("Problem", problem).isEmpty(), Spec.checkComponent("Problem", problem) + " in " + problem);
                assertEquals(status, problem.path("status").asInt());
            }
            assertTrue(response.headers().firstValue("X-Injected").isEmpty(), url.toString());
        }
        assertTrue(requests > 2000, "sent " + requests);
        assertTrue(statuses.contains(200) && statuses.contains(400) && statuses.contains(404), "a mix of answers: " + statuses.size());
    }

    /** Random percent-encoded bytes and characters. */
    private static String junk(Random random) {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(3);
            if (kind == 0) {
                s.append(String.format("%%%02X", random.nextInt(256)));
            } else if (kind == 1) {
                s.append((char) ('a' + random.nextInt(26)));
            } else {
                s.append("-_.~,0123456789".charAt(random.nextInt(15)));
            }
        }
        return s.toString();
    }
}
