package dev.e2ee.cli;

import dev.e2ee.client.ConnectionFailedException;
import dev.e2ee.client.ProblemException;
import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code e2ee}: the command-line client. Exit codes: 0 success, 1 usage, 2 the server refused (its problem's title
 * and detail are printed), 3 the server cannot be reached or an exchange could not be trusted (crypto failure).
 */
@Command(
        name = "e2ee",
        mixinStandardHelpOptions = true,
        versionProvider = E2eeCli.Version.class,
        description = "Client for the E2EE Prompt Vault: every body is encrypted end to end (EHBP).",
        subcommands = {
            LoginCommand.class,
            PromptCommand.class,
            EnvelopeCommand.class,
            ProcessCommand.class,
            SessionCommand.class,
            ImportCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public final class E2eeCli {

    static final int USAGE = 1;
    static final int REFUSED = 2;
    static final int UNREACHABLE = 3;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given output streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new E2eeCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ProblemException problem) {
                err.println("refused: " + problem.status() + " " + nullToEmpty(problem.title())
                        + (problem.detail() == null ? "" : " — " + problem.detail())
                        + (problem.authenticated() ? "" : " (unauthenticated answer: it may come from a proxy)"));
                return REFUSED;
            }
            if (e instanceof ConnectionFailedException || e instanceof java.io.UncheckedIOException) {
                err.println("error: " + e.getMessage());
                return UNREACHABLE;
            }
            if (e instanceof UsageException) {
                err.println(e.getMessage());
                return USAGE;
            }
            throw e;
        });
        return cli.execute(args);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A command line that parses but makes no sense (e.g. neither --text nor --file). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = E2eeCli.class.getPackage().getImplementationVersion();
            return new String[] {"e2ee " + (version == null ? "development build" : version)};
        }
    }
}
