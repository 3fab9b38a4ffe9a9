package dev.e2ee.cli;

import dev.e2ee.client.Models.SessionInfo;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "session", mixinStandardHelpOptions = true, description = "Conversation sessions.")
final class SessionCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Start a session; prints its id.")
    int create(@Mixin ClientOptions options) {
        SessionInfo session = options.client().createSession();
        Output.print(spec.commandLine().getOut(), options.json, session, session.id());
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A session's turns and expiry.")
    int show(@Mixin ClientOptions options, @Parameters(paramLabel = "ID") String id) {
        SessionInfo session = options.client().getSession(id);
        Output.print(
                spec.commandLine().getOut(),
                options.json,
                session,
                session.id() + "  turns " + session.turns() + "  expires " + session.expiresAt());
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "End a session.")
    int delete(@Mixin ClientOptions options, @Parameters(paramLabel = "ID") String id) {
        options.client().deleteSession(id);
        Output.print(spec.commandLine().getOut(), options.json, Map.of("deleted", id), "deleted " + id);
        return 0;
    }
}
