package dev.e2ee.prs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.platform.test.RealInfrastructure;
import dev.e2ee.platform.test.RedisServer;
import dev.e2ee.platform.test.TestInfrastructure;
import dev.e2ee.prs.IntegrationTestBase;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis AUTH through the environment variables of docs/settings.md ({@code REDIS_USERNAME}, {@code REDIS_PASSWORD}, mapped in
 * {@code application.yml} to {@code spring.data.redis.username/password}): an ACL user with a password, created on the
 * test Redis for this class and deleted afterwards, is who the service talks to Redis as.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class RedisAuthIntegrationTests {

    private static final String USER = "e2ee-test-" + UUID.randomUUID();
    private static final String PASSWORD = UUID.randomUUID() + "-" + UUID.randomUUID();

    @Autowired
    StringRedisTemplate redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTestBase.commonProperties().forEach((name, value) -> registry.add(name, () -> value));
        createUser();
        registry.add("REDIS_USERNAME", () -> USER);
        registry.add("REDIS_PASSWORD", () -> PASSWORD);
    }

    @AfterAll
    static void dropUser() {
        onTestRedis(commands -> commands.aclDeluser(USER));
    }

    @Test
    void redisWhenAclUserAndPasswordConfiguredThenServiceAuthenticatesAsThatUser() {
        Object whoami = redis.execute((RedisCallback<Object>) c -> c.execute("ACL", "WHOAMI".getBytes()));

        assertThat(whoami).isInstanceOf(byte[].class);
        assertThat(new String((byte[]) whoami, StandardCharsets.UTF_8)).isEqualTo(USER);
    }

    private static void createUser() {
        onTestRedis(commands -> commands.aclSetuser(
                USER,
                AclSetuserArgs.Builder.on()
                        .addPassword(PASSWORD)
                        .allKeys()
                        .allChannels()
                        .allCommands()));
    }

    /** Runs an ACL command as the test Redis's default user. */
    private static void onTestRedis(java.util.function.Consumer<RedisCommands<String, String>> action) {
        RedisServer server = TestInfrastructure.redis();
        RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            action.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
