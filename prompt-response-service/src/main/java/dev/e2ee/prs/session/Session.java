package dev.e2ee.prs.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A conversation: its owner and turns. Stored in Redis only sealed ({@code e2ee:session:{<id>}}); {@code toString}
 * never prints the turns' text.
 */
public record Session(UUID id, String owner, Instant createdAt, List<SessionTurn> turns) {

    public Session {
        turns = List.copyOf(turns);
    }

    Session append(SessionTurn turn, int maxTurns) {
        List<SessionTurn> next = new ArrayList<>(turns);
        next.add(turn);
        while (next.size() > maxTurns) {
            next.remove(0);
        }
        return new Session(id, owner, createdAt, next);
    }

    @Override
    public String toString() {
        return "Session[id=" + id + ", turns=" + turns.size() + "]";
    }

    /** One exchange: the prompt and the processor's result. */
    public record SessionTurn(String prompt, String response, Instant at) {

        @Override
        public String toString() {
            return "SessionTurn[at=" + at + "]";
        }
    }
}
