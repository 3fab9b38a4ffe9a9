package dev.e2ee.cli;

import dev.e2ee.client.Models.Token;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = "Exchange the API key (sent encrypted) for a token and cache it (mode 0600).")
final class LoginCommand implements Callable<Integer> {

    @Mixin
    ClientOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (options.apiKey == null) {
            throw new E2eeCli.UsageException("login needs --api-key or E2EE_API_KEY");
        }
        Token token = options.client().login();
        options.remember(token);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("expiresAt", String.valueOf(token.expiresAt()));
        result.put("cache", TokenCache.configDir().resolve("tokens.json").toString());
        Output.print(
                spec.commandLine().getOut(),
                options.json,
                result,
                "logged in; token cached until " + token.expiresAt());
        return 0;
    }
}
