package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.e2ee.client.E2eeClient;
import dev.e2ee.client.Models.Accepted;
import dev.e2ee.client.Models.IssuedEnvelope;
import dev.e2ee.client.Models.ProcessResult;
import dev.e2ee.client.Models.PromptInfo;
import dev.e2ee.client.Models.SessionInfo;
import dev.e2ee.client.ProblemException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Java client against the real services, every exchange encrypted (EHBP). */
class ClientSystemTests {

    private final Cluster cluster = Cluster.get();

    private E2eeClient client() {
        return E2eeClient.builder(cluster.vault.base())
                .promptServiceUrl(cluster.prompt().base())
                .apiKey(cluster.keys.bootstrapApiKey())
                .build();
    }

    @Test
    void clientWhenItStoresReadsUpdatesAndDeletesAPromptThenEveryStepWorksEncrypted() {
        E2eeClient client = client();
        String text = Sensitive.promptText();
        String secret = Sensitive.secret();

        PromptInfo created = client.createPrompt(text, secret, Map.of("source", "client-test"));
        assertThat(client.getPrompt(created.id()).text()).isEqualTo(text);

        PromptInfo updated = client.updatePrompt(created.id(), text + " v2", null, null, created.version());
        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertThat(client.getPrompt(created.id()).text()).isEqualTo(text + " v2");
        assertThat(client.listPrompts(null, 1, 100).prompts())
                .extracting(PromptInfo::id)
                .contains(created.id());

        client.deletePrompt(created.id());
        assertThatThrownBy(() -> client.getPrompt(created.id())).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.authenticated()).isTrue();
        });
    }

    @Test
    void clientWhenItProcessesAVerifiedEnvelopeThenTheResultComesBack() {
        E2eeClient client = client();
        String text = Sensitive.promptText();
        String secret = Sensitive.secret();
        PromptInfo prompt = client.createPrompt(text, secret, null);

        IssuedEnvelope envelope = client.createEnvelope(prompt.id(), secret, null, Duration.ofMinutes(10));
        assertThat(envelope.promptId()).isEqualTo(prompt.id());

        ProcessResult result = client.processEnvelope(envelope.json(), "json", null);
        assertThat(result.result()).contains(text);
    }

    @Test
    void clientWhenItUsesASessionAndAnAsyncJobThenBothWork() throws Exception {
        E2eeClient client = client();
        SessionInfo session = client.createSession();
        client.processText(null, Sensitive.promptText(), "json", session.id());
        assertThat(client.getSession(session.id()).turns()).isEqualTo(1);
        client.deleteSession(session.id());
        assertThatThrownBy(() -> client.getSession(session.id()))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));

        Accepted job = client.submit(null, Sensitive.promptText(), null, "json", null);
        Optional<ProcessResult> done = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> client.response(job.id(), "json"), Optional::isPresent);
        assertThat(done.get().result()).contains("Summarise the quarterly report");
    }

    @Test
    void clientWhenTheSecretIsWrongThenTheVaultsRefusalArrivesSealed() {
        E2eeClient client = client();
        PromptInfo prompt = client.createPrompt(Sensitive.promptText(), Sensitive.secret(), null);

        assertThatThrownBy(() -> client.createEnvelope(prompt.id(), "wrong-" + Sensitive.secret(), null, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.authenticated()).isTrue();
                });
    }
}
