package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import dev.e2ee.vault.prompt.PromptRequests.ListQuery;
import dev.e2ee.vault.prompt.PromptResponses.PromptResponse;
import dev.e2ee.vault.web.JsonMetadata;
import dev.e2ee.vault.web.PageResponse;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages of prompts (metadata only) with filters, a whitelisted sort and the blind-index search: a prompt matches
 * when the token of every query word is among its tokens. Tokens are per owner, so a search looks only at the
 * caller's own prompts (admins included); while the rebuild has not converted every row, each word also matches its
 * version-1 token.
 */
@Service
class PromptSearch {

    private final PromptRepository prompts;
    private final BlindIndex index;
    private final PromptTokenRebuilder rebuilder;
    private final JsonMetadata metadata;

    /** The tokens one query word may be stored as. */
    private record WordTokens(List<byte[]> tokens) {}

    PromptSearch(PromptRepository prompts, BlindIndex index, PromptTokenRebuilder rebuilder, JsonMetadata metadata) {
        this.prompts = prompts;
        this.index = index;
        this.rebuilder = rebuilder;
        this.metadata = metadata;
    }

    @Transactional(readOnly = true)
    PageResponse<PromptResponse> list(ListQuery query, E2eePrincipal principal) {
        List<WordTokens> tokens = searchTokens(query.search(), principal.subject());
        Sort.Direction direction = query.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        PageRequest pageRequest = PageRequest.of(
                query.pageOrDefault() - 1,
                query.limitOrDefault(),
                Sort.by(direction, query.sortByOrDefault()).and(Sort.by(direction, "id")));
        Page<Prompt> page = prompts.findAll(filter(query, tokens, principal), pageRequest);
        return PageResponse.of(
                page.getContent().stream()
                        .map(p -> PromptResponse.of(p, null, metadata.read(p.getMetadata()), null))
                        .toList(),
                query.pageOrDefault(),
                query.limitOrDefault(),
                page.getTotalElements());
    }

    private List<WordTokens> searchTokens(String search, String owner) {
        Set<String> words = search == null ? Set.of() : BlindIndex.words(search);
        if (words.size() > BlindIndex.MAX_QUERY_WORDS) {
            throw new InvalidRequestException("search accepts at most " + BlindIndex.MAX_QUERY_WORDS + " words");
        }
        boolean legacy = !words.isEmpty() && rebuilder.legacyTokensRemain();
        return words.stream()
                .map(word -> new WordTokens(
                        legacy
                                ? List.of(index.token(owner, word), index.legacyToken(word))
                                : List.of(index.token(owner, word))))
                .toList();
    }

    private static Specification<Prompt> filter(ListQuery query, List<WordTokens> tokens, E2eePrincipal principal) {
        return (root, criteria, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(cb.isNull(root.get("deletedAt")));
            if (!principal.isAdmin() || !tokens.isEmpty()) {
                predicates.add(cb.equal(root.get("owner"), principal.subject()));
            }
            if (query.status() != null) {
                predicates.add(cb.equal(root.get("status"), PromptStatus.fromWire(query.status())));
            }
            for (WordTokens word : tokens) {
                Subquery<Integer> match = criteria.subquery(Integer.class);
                var row = match.from(PromptSearchToken.class);
                match.select(cb.literal(1))
                        .where(
                                cb.equal(row.get("id").get("promptId"), root.get("id")),
                                row.get("id").get("token").in(word.tokens().toArray()));
                predicates.add(cb.exists(match));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
