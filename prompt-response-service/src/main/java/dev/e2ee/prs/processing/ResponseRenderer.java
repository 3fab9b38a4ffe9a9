package dev.e2ee.prs.processing;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Renders {@code {response:{...}}} as JSON, as XML ({@code <response>...</response>}, Jackson XML) or the bare
 * result as {@code text/plain}. Responses carry prompt results, so they are never cached by intermediaries.
 */
@Component
class ResponseRenderer {

    private final JsonMapper json;
    private final XmlMapper xml = XmlMapper.builder().build();

    ResponseRenderer(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<String> render(PromptResponse response, ResponseFormat format) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        return switch (format) {
            case JSON ->
                builder.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(new Envelope(response)));
            case XML ->
                builder.contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                        .body(xml.writer().withRootName("response").writeValueAsString(response));
            case TEXT ->
                builder.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                        .body(response.result());
        };
    }

    /** The JSON wrapper {@code {"response": ...}}. */
    record Envelope(PromptResponse response) {}
}
