package dev.e2ee.systemtest;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads everything at rest as text chunks, labelled by where they come from: every text, bytea (escape-encoded, so
 * ASCII stays readable), json(b) and other column of every table in the suite's database; every key of every type
 * in the suite's Redis database (key names too); every captured service log.
 */
final class LeakScanner {

    /** A piece of stored data and where it was found. */
    record Chunk(String source, String text) {}

    private LeakScanner() {}

    static List<Chunk> postgres(Infra.Postgres server) throws SQLException {
        List<Chunk> chunks = new ArrayList<>();
        try (Connection connection = server.connect(Infra.DATABASE)) {
            Map<String, List<String>> tables = columns(connection);
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                String select =
                        "SELECT " + String.join(", ", table.getValue()) + " FROM public.\"" + table.getKey() + "\"";
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(select)) {
                    int count = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= count; c++) {
                            String value = rows.getString(c);
                            if (value != null) {
                                chunks.add(new Chunk(
                                        table.getKey() + "."
                                                + rows.getMetaData().getColumnLabel(c),
                                        value));
                            }
                        }
                    }
                }
            }
        }
        return chunks;
    }

    /** table → column expressions as text (bytea escape-encoded). */
    private static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        String query = "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'"
                + " ORDER BY c.table_name, c.ordinal_position";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                String column = "\"" + rows.getString(2) + "\"";
                String expression = "bytea".equals(rows.getString(3))
                        ? "encode(" + column + ", 'escape') AS " + column
                        : column + "::text AS " + column;
                tables.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(expression);
            }
        }
        return tables;
    }

    static List<Chunk> redis(Infra.Redis server) {
        List<Chunk> chunks = new ArrayList<>();
        RedisClient client = RedisClient.create(RedisURI.builder()
                .withHost(server.host())
                .withPort(server.port())
                .withDatabase(Infra.REDIS_DATABASE)
                .build());
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisCommands<byte[], byte[]> redis = connection.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<byte[]> page = redis.scan(cursor, ScanArgs.Builder.limit(500));
                for (byte[] key : page.getKeys()) {
                    String name = latin1(key);
                    chunks.add(new Chunk("redis key name", name));
                    chunks.add(new Chunk("redis " + name, value(redis, key)));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
        return chunks;
    }

    private static String value(RedisCommands<byte[], byte[]> redis, byte[] key) {
        StringBuilder text = new StringBuilder();
        switch (redis.type(key)) {
            case "string" -> append(text, redis.get(key));
            case "hash" -> redis.hgetall(key).forEach((field, value) -> append(append(text, field), value));
            case "list" -> redis.lrange(key, 0, -1).forEach(value -> append(text, value));
            case "set" -> redis.smembers(key).forEach(value -> append(text, value));
            case "zset" -> redis.zrange(key, 0, -1).forEach(value -> append(text, value));
            case "stream" -> {
                for (StreamMessage<byte[], byte[]> message :
                        redis.xrange(key, io.lettuce.core.Range.create("-", "+"))) {
                    message.getBody().forEach((field, value) -> append(append(text, field), value));
                }
            }
            default -> text.append("(type ").append(redis.type(key)).append(')');
        }
        return text.toString();
    }

    static List<Chunk> logs(List<Path> files) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        for (Path file : files) {
            chunks.add(new Chunk("log " + file.getFileName(), Files.readString(file, StandardCharsets.ISO_8859_1)));
        }
        return chunks;
    }

    private static StringBuilder append(StringBuilder text, byte[] value) {
        return value == null ? text : text.append(latin1(value)).append('\n');
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
