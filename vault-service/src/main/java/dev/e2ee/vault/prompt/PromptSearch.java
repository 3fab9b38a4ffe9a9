package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import dev.e2ee.vault.prompt.PromptListing.Filter;
import dev.e2ee.vault.prompt.PromptListing.Summary;
import dev.e2ee.vault.prompt.PromptListing.Total;
import dev.e2ee.vault.prompt.PromptRequests.ListQuery;
import dev.e2ee.vault.prompt.PromptResponses.PromptResponse;
import dev.e2ee.vault.web.JsonMetadata;
import dev.e2ee.vault.web.PageResponse;
import dev.e2ee.vault.web.WireValue;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages of prompts (metadata only) with filters, a whitelisted sort and the blind-index search: a prompt matches
 * when the token of every query word is among its tokens. Tokens are per owner, so a search looks only at the
 * caller's own prompts (admins included); while the rebuild has not converted every row, each word also matches its
 * version-1 token. Pages continue after a keyset cursor ({@code pagination.nextCursor}) or at {@code page}.
 */
@Service
class PromptSearch {

    private final PromptListing listing;
    private final BlindIndex index;
    private final PromptTokenRebuilder rebuilder;
    private final JsonMetadata metadata;

    PromptSearch(PromptListing listing, BlindIndex index, PromptTokenRebuilder rebuilder, JsonMetadata metadata) {
        this.listing = listing;
        this.index = index;
        this.rebuilder = rebuilder;
        this.metadata = metadata;
    }

    @Transactional(readOnly = true)
    PageResponse<PromptResponse> list(ListQuery query, E2eePrincipal principal) {
        if (query.cursor() != null && query.page() != null) {
            throw new InvalidRequestException("send either page or cursor, not both");
        }
        String sortBy = query.sortByOrDefault();
        PromptCursor after =
                query.cursor() == null ? null : PromptCursor.decode(query.cursor(), sortBy, query.ascending());
        int limit = query.limitOrDefault();
        Filter filter = filter(query, principal);
        List<Summary> rows = listing.page(
                filter, sortBy, query.ascending(), after, (long) (query.pageOrDefault() - 1) * limit, limit + 1);
        List<Summary> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? cursorAfter(page.get(page.size() - 1), query) : null;
        Total total = listing.total(filter);
        return PageResponse.of(
                page.stream().map(this::response).toList(),
                after == null ? query.pageOrDefault() : null,
                limit,
                total.value(),
                total.estimated(),
                next);
    }

    private PromptResponse response(Summary row) {
        return new PromptResponse(
                row.id(),
                row.status().wireName(),
                row.version(),
                null,
                metadata.read(row.metadata()),
                row.createdAt(),
                row.updatedAt(),
                null);
    }

    private static String cursorAfter(Summary last, ListQuery query) {
        String sortBy = query.sortByOrDefault();
        return new PromptCursor(sortBy, query.ascending(), last.sortValue(sortBy), last.id()).encode();
    }

    private Filter filter(ListQuery query, E2eePrincipal principal) {
        List<byte[][]> tokens = searchTokens(query.search(), principal.subject());
        boolean ownOnly = !principal.isAdmin() || !tokens.isEmpty();
        PromptStatus status = query.status() == null ? null : WireValue.fromWire(PromptStatus.class, query.status());
        return new Filter(ownOnly ? principal.subject() : null, status, tokens);
    }

    private List<byte[][]> searchTokens(String search, String owner) {
        Set<String> words = search == null ? Set.of() : BlindIndex.words(search);
        if (words.size() > BlindIndex.MAX_QUERY_WORDS) {
            throw new InvalidRequestException("search accepts at most " + BlindIndex.MAX_QUERY_WORDS + " words");
        }
        boolean legacy = !words.isEmpty() && rebuilder.legacyTokensRemain();
        return words.stream()
                .map(word -> legacy
                        ? new byte[][] {index.token(owner, word), index.legacyToken(word)}
                        : new byte[][] {index.token(owner, word)})
                .toList();
    }
}
