package dev.e2ee.vault.web;

import java.util.List;

/** One page of a list endpoint: {@code {data:[...], pagination:{page, limit, total, totalPages}}} (pages from 1). */
public record PageResponse<T>(List<T> data, Pagination pagination) {

    public record Pagination(int page, int limit, long total, int totalPages) {}

    public static <T> PageResponse<T> of(List<T> data, int page, int limit, long total) {
        int totalPages = limit == 0 ? 0 : (int) ((total + limit - 1) / limit);
        return new PageResponse<>(List.copyOf(data), new Pagination(page, limit, total, totalPages));
    }
}
