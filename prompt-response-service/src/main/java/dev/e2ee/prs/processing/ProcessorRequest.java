package dev.e2ee.prs.processing;

import java.util.List;

/** What a processor gets: the prompt, the earlier turns of its session (oldest first) and the options. */
public record ProcessorRequest(String promptText, List<ChatTurn> history, ProcessOptions options) {

    public ProcessorRequest {
        history = List.copyOf(history);
    }

    @Override
    public String toString() {
        return "ProcessorRequest[promptChars=" + promptText.length() + ", turns=" + history.size() + "]";
    }

    /** One earlier exchange of a session. */
    public record ChatTurn(String prompt, String response) {

        @Override
        public String toString() {
            return "ChatTurn[promptChars=" + prompt.length() + ", responseChars=" + response.length() + "]";
        }
    }
}
