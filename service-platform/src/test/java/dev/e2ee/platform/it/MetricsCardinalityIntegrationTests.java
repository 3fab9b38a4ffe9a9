package dev.e2ee.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 14.2: unauthenticated requests with invented HTTP methods must not grow the metrics without bound. */
class MetricsCardinalityIntegrationTests extends PlatformIntegrationTest {

    private static final Pattern METHOD_TAG = Pattern.compile("method=\"([^\"]*)\"");
    private static final Set<String> KNOWN =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "OTHER");
    private final SecureRandom random = new SecureRandom();

    @Test
    void randomHttpMethodsWhenSentThenMeterSeriesStayBounded() throws Exception {
        sendRandomMethods(300);
        Set<String> before = series();

        sendRandomMethods(300);
        Set<String> after = series();

        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        assertThat(added).as("series added by 300 more invented methods").isEmpty();
        assertThat(methodTags(after)).isSubsetOf(KNOWN);
    }

    private void sendRandomMethods(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String path = i % 2 == 0 ? "/" : "/api/v1/health/ping";
            send(request(path).method(randomMethod(), BodyPublishers.noBody()));
        }
    }

    private String randomMethod() {
        char[] letters = new char[8];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('A' + random.nextInt(26));
        }
        return new String(letters);
    }

    /** Each sample line of the Prometheus text without its value: one line per series. */
    private Set<String> series() throws Exception {
        String body = get("/api/v1/metrics").body();
        return Arrays.stream(body.split("\n"))
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .collect(Collectors.toSet());
    }

    private static Set<String> methodTags(Set<String> series) {
        Set<String> methods = new HashSet<>();
        for (String line : series) {
            Matcher matcher = METHOD_TAG.matcher(line);
            while (matcher.find()) {
                methods.add(matcher.group(1));
            }
        }
        return methods;
    }
}
