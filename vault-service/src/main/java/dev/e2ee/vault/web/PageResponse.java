package dev.e2ee.vault.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list endpoint: {@code {data:[...], pagination:{page, limit, total, totalPages}}} (pages from 1).
 * Lists that page by keyset also give {@code nextCursor} (absent on the last page; {@code page} is absent on a page
 * fetched by cursor), and {@code totalEstimated: true} when {@code total} is PostgreSQL's estimate, not a count.
 */
public record PageResponse<T>(List<T> data, Pagination pagination) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pagination(
            Integer page, int limit, long total, int totalPages, Boolean totalEstimated, String nextCursor) {}

    public static <T> PageResponse<T> of(List<T> data, int page, int limit, long total) {
        return of(data, page, limit, total, false, null);
    }

    public static <T> PageResponse<T> of(
            List<T> data, Integer page, int limit, long total, boolean estimated, String nextCursor) {
        int totalPages = limit == 0 ? 0 : (int) ((total + limit - 1) / limit);
        return new PageResponse<>(
                List.copyOf(data),
                new Pagination(page, limit, total, totalPages, estimated ? Boolean.TRUE : null, nextCursor));
    }
}
