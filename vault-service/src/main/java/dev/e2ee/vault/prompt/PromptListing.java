package dev.e2ee.vault.prompt;

import dev.e2ee.vault.SqlTimes;
import dev.e2ee.vault.web.WireValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pages of {@code prompts} for the list endpoint: only the listed columns (never the ciphertext or the verifier),
 * sorted by a whitelisted column then id, after a keyset cursor or at an offset. The total is exact up to
 * {@link #EXACT_TOTAL_UP_TO} matches (a bounded count); above that it is PostgreSQL's estimate, flagged as such, so an
 * admin listing 150k prompts no longer counts them all on every page (docs/vault-api.md).
 */
@Repository
class PromptListing {

    static final int EXACT_TOTAL_UP_TO = 10_000;
    private static final Map<String, String> SORT_COLUMNS =
            Map.of("createdAt", "created_at", "updatedAt", "updated_at");
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*(\\d+)");

    /**
     * @param owner only this owner's prompts; null for all
     * @param words per query word, the tokens it may be stored as (a prompt must have one of each)
     */
    record Filter(String owner, PromptStatus status, List<byte[][]> words) {}

    record Summary(UUID id, PromptStatus status, long version, String metadata, Instant createdAt, Instant updatedAt) {

        Instant sortValue(String sortBy) {
            return "updatedAt".equals(sortBy) ? updatedAt : createdAt;
        }
    }

    record Total(long value, boolean estimated) {}

    private record Where(String sql, List<Object> params) {}

    private final JdbcClient jdbc;

    PromptListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows after {@code after} (when given) or from {@code offset}. */
    List<Summary> page(Filter filter, String sortBy, boolean ascending, PromptCursor after, long offset, int limit) {
        String column = SORT_COLUMNS.get(sortBy);
        String direction = ascending ? "ASC" : "DESC";
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder(
                        "SELECT p.id, p.status, p.version, p.metadata, p.created_at, p.updated_at")
                .append(" FROM prompts p")
                .append(where.sql());
        if (after != null) {
            sql.append(" AND (p.")
                    .append(column)
                    .append(", p.id) ")
                    .append(ascending ? ">" : "<")
                    .append(" (?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.id());
        }
        sql.append(" ORDER BY p.")
                .append(column)
                .append(' ')
                .append(direction)
                .append(", p.id ")
                .append(direction);
        sql.append(" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(after != null ? 0 : offset);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Summary(
                        rs.getObject("id", UUID.class),
                        WireValue.fromWire(PromptStatus.class, rs.getString("status")),
                        rs.getLong("version"),
                        rs.getString("metadata"),
                        SqlTimes.instant(rs, "created_at"),
                        SqlTimes.instant(rs, "updated_at")))
                .list();
    }

    /** Exact up to {@link #EXACT_TOTAL_UP_TO}, else the planner's estimate (at least one more than that). */
    Total total(Filter filter) {
        Where where = where(filter);
        String matches = "SELECT 1 FROM prompts p" + where.sql();
        List<Object> params = new ArrayList<>(where.params());
        params.add(EXACT_TOTAL_UP_TO + 1);
        long counted = jdbc.sql("SELECT count(*) FROM (" + matches + " LIMIT ?) c")
                .params(params)
                .query(Long.class)
                .single();
        if (counted <= EXACT_TOTAL_UP_TO) {
            return new Total(counted, false);
        }
        String plan = jdbc.sql("EXPLAIN (FORMAT JSON) " + matches)
                .params(where.params())
                .query(String.class)
                .single();
        Matcher rows = PLAN_ROWS.matcher(plan);
        long estimate = rows.find() ? Long.parseLong(rows.group(1)) : 0;
        return new Total(Math.max(estimate, EXACT_TOTAL_UP_TO + 1L), true);
    }

    private static Where where(Filter filter) {
        StringBuilder sql = new StringBuilder(" WHERE p.deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (filter.owner() != null) {
            sql.append(" AND p.owner = ?");
            params.add(filter.owner());
        }
        if (filter.status() != null) {
            sql.append(" AND p.status = ?");
            params.add(filter.status().wireName());
        }
        for (byte[][] tokens : filter.words()) {
            sql.append(" AND EXISTS (SELECT 1 FROM prompt_search_tokens t WHERE t.prompt_id = p.id")
                    .append(" AND t.token = ANY (CAST(? AS bytea[])))");
            params.add(tokens);
        }
        return new Where(sql.toString(), params);
    }
}
