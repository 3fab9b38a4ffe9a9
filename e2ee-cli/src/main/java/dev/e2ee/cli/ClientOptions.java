package dev.e2ee.cli;

import dev.e2ee.client.E2eeClient;
import dev.e2ee.client.Models.Token;
import java.net.URI;
import picocli.CommandLine.Option;

/** The global options every command takes; each may come from the environment. */
final class ClientOptions {

    @Option(
            names = "--url",
            defaultValue = "${env:E2EE_URL:-http://127.0.0.1:8080}",
            description = "Gateway (or service) URL; env E2EE_URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--prompt-url",
            defaultValue = "${env:E2EE_PROMPT_URL}",
            description = "The prompt-response service's own URL when it is not behind the --url gateway;"
                    + " env E2EE_PROMPT_URL.")
    URI promptUrl;

    @Option(
            names = "--api-key",
            defaultValue = "${env:E2EE_API_KEY}",
            description = "API key, exchanged (encrypted) for a token; env E2EE_API_KEY.")
    String apiKey;

    @Option(names = "--token", description = "Access token to use as is (instead of the cached one).")
    String token;

    @Option(
            names = "--plaintext",
            description = "Allow plaintext when the server publishes no HPKE keys (off: the client refuses).")
    boolean plaintext;

    @Option(names = "--json", description = "Machine-readable output (JSON).")
    boolean json;

    /** A client with the token given, else the cached one for this URL (renewed with the API key when it expires). */
    E2eeClient client() {
        E2eeClient.Builder builder = E2eeClient.builder(url)
                .promptServiceUrl(promptUrl)
                .allowPlaintext(plaintext)
                .apiKey(apiKey);
        if (token != null) {
            builder.token(token, null);
        } else {
            TokenCache.load(url).ifPresent(t -> builder.token(t.accessToken(), t.expiresAt()));
        }
        return builder.build();
    }

    void remember(Token token) {
        TokenCache.store(url, token);
    }
}
