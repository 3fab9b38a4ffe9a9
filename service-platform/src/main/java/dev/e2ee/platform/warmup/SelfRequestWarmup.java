package dev.e2ee.platform.warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * GETs a public path of the service itself: Tomcat, the filter chain, Spring MVC and Jackson on the request path. A
 * no-op without a running web server (mock-MVC tests) or with an empty path.
 */
final class SelfRequestWarmup implements WarmupContributor {

    private final ApplicationContext context;
    private final String path;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private URI uri;

    SelfRequestWarmup(ApplicationContext context, String path) {
        this.context = context;
        this.path = path;
    }

    @Override
    public String name() {
        return "self-request " + path;
    }

    @Override
    public void round() throws IOException, InterruptedException {
        if (path.isBlank() || !(context instanceof WebServerApplicationContext web)) {
            return;
        }
        if (uri == null) {
            uri = URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + path);
        }
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 500) {
            throw new IOException("status " + response.statusCode());
        }
    }
}
