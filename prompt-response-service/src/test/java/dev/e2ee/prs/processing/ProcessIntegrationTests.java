package dev.e2ee.prs.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.TestKeys;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.xml.XmlMapper;

class ProcessIntegrationTests extends IntegrationTestBase {

    private HttpResponse<String> process(String body, String... headers) {
        return post("/api/v1/prompts/process", userToken("alice"), body, headers);
    }

    @Test
    void processWhenPromptTextGivenThenEchoResponseAsJson() {
        UUID promptId = UUID.randomUUID();
        String text = "echo me " + UUID.randomUUID();

        HttpResponse<String> response = process("{\"promptId\":\"" + promptId + "\",\"promptText\":\"" + text + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode r = json(response).path("response");
        assertThat(r.path("id").asString()).isNotBlank();
        assertThat(r.path("promptId").asString()).isEqualTo(promptId.toString());
        assertThat(r.path("result").asString()).isEqualTo("Processed: " + text);
        assertThat(r.at("/metadata/model").asString()).isEqualTo("echo");
        assertThat(r.at("/metadata/processingTime").isNumber()).isTrue();
        assertThat(r.path("createdAt").asString()).isNotBlank();
    }

    @Test
    void processWhenEnvelopeGivenThenOpenedAndProcessedInOneCall() {
        UUID promptId = UUID.randomUUID();
        String envelope = TestKeys.json(TestKeys.get()
                .seal(promptId, "sealed question", java.time.Instant.now().plusSeconds(600)));

        HttpResponse<String> response = process("{\"envelope\":" + envelope + "}");
        HttpResponse<String> replay = process("{\"envelope\":" + envelope + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/response/result").asString()).isEqualTo("Processed: sealed question");
        assertThat(json(response).at("/response/promptId").asString()).isEqualTo(promptId.toString());
        assertThat(replay.statusCode()).isEqualTo(409);
    }

    @Test
    void processWhenXmlAcceptedOrRequestedThenXmlResponse() throws Exception {
        String text = "xml " + UUID.randomUUID();

        HttpResponse<String> byAccept = process("{\"promptText\":\"" + text + "\"}", "Accept", "application/xml");
        HttpResponse<String> byOption = process("{\"promptText\":\"" + text + "\",\"options\":{\"format\":\"xml\"}}");

        for (HttpResponse<String> response : java.util.List.of(byAccept, byOption)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/xml"));
            assertThat(response.body()).startsWith("<response>");
            JsonNode parsed = XmlMapper.builder().build().readTree(response.body());
            assertThat(parsed.path("result").asString()).isEqualTo("Processed: " + text);
            assertThat(parsed.at("/metadata/model").asString()).isEqualTo("echo");
        }
    }

    @Test
    void processWhenTextFormatRequestedThenPlainResult() {
        HttpResponse<String> response = process("{\"promptText\":\"plain please\",\"options\":{\"format\":\"text\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo("Processed: plain please");
    }

    @Test
    void processWhenSameRequestRepeatedOutsideSessionThenCachedResponse() {
        String body = "{\"promptText\":\"cache me " + UUID.randomUUID() + "\",\"options\":{\"temperature\":0.2}}";

        JsonNode first = json(process(body)).path("response");
        JsonNode second = json(process(body)).path("response");
        JsonNode otherOptions = json(process(body.replace("0.2", "0.3"))).path("response");

        assertThat(first.at("/metadata/cached").asBoolean()).isFalse();
        assertThat(second.at("/metadata/cached").asBoolean()).isTrue();
        assertThat(second.path("result").asString())
                .isEqualTo(first.path("result").asString());
        assertThat(otherOptions.at("/metadata/cached").asBoolean()).isFalse();
    }

    @Test
    void processWhenAnotherUserAlreadySentTheSameTextThenNotCachedForThem() {
        String body = "{\"promptText\":\"shared text " + UUID.randomUUID() + "\"}";
        JsonNode first =
                json(post("/api/v1/prompts/process", userToken("alice"), body)).path("response");

        JsonNode other =
                json(post("/api/v1/prompts/process", userToken("bob"), body)).path("response");
        JsonNode again =
                json(post("/api/v1/prompts/process", userToken("bob"), body)).path("response");

        assertThat(first.at("/metadata/cached").asBoolean()).isFalse();
        assertThat(other.at("/metadata/cached").asBoolean()).isFalse();
        assertThat(again.at("/metadata/cached").asBoolean()).isTrue();
    }

    @Test
    void processWhenMetadataNotWantedThenOmitted() {
        JsonNode r = json(process("{\"promptText\":\"bare\",\"options\":{\"includeMetadata\":false}}"))
                .path("response");

        assertThat(r.has("metadata")).isFalse();
        assertThat(r.path("result").asString()).isEqualTo("Processed: bare");
    }

    @Test
    void processWhenInputInvalidThenClearBadRequest() {
        assertThat(process("{}").statusCode()).isEqualTo(400);
        assertThat(process("{\"promptText\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(process("{\"promptText\":\"" + "a".repeat(10_001) + "\"}").statusCode())
                .isEqualTo(400);
        assertThat(process("{\"promptText\":\"x\",\"envelope\":{}}").statusCode())
                .isEqualTo(400);
        assertThat(process("{\"promptText\":\"x\",\"options\":{\"format\":\"yaml\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(process("{\"promptText\":\"x\",\"unknown\":true}").statusCode())
                .isEqualTo(400);
        assertThat(process("{\"promptText\":\"x\",\"promptId\":\"not-a-uuid\"}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> invalid = process("{\"promptText\":\"\"}");
        assertThat(json(invalid).path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(post("/api/v1/prompts/process", null, "{\"promptText\":\"x\"}")
                        .statusCode())
                .isEqualTo(401);
    }
}
