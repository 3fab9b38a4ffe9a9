package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import dev.e2ee.vault.prompt.PromptRequests.ListQuery;
import dev.e2ee.vault.prompt.PromptResponses.PromptResponse;
import dev.e2ee.vault.web.JsonMetadata;
import dev.e2ee.vault.web.PageResponse;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages of prompts (metadata only) with filters, a whitelisted sort and the blind-index search: a prompt matches
 * when the token of every query word is among its tokens.
 */
@Service
class PromptSearch {

    private final PromptRepository prompts;
    private final BlindIndex index;
    private final JsonMetadata metadata;

    PromptSearch(PromptRepository prompts, BlindIndex index, JsonMetadata metadata) {
        this.prompts = prompts;
        this.index = index;
        this.metadata = metadata;
    }

    @Transactional(readOnly = true)
    PageResponse<PromptResponse> list(ListQuery query, E2eePrincipal principal) {
        List<ByteBuffer> tokens = query.search() == null ? List.of() : index.tokens(query.search());
        if (tokens.size() > BlindIndex.MAX_QUERY_WORDS) {
            throw new InvalidRequestException("search accepts at most " + BlindIndex.MAX_QUERY_WORDS + " words");
        }
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

    private static Specification<Prompt> filter(ListQuery query, List<ByteBuffer> tokens, E2eePrincipal principal) {
        return (root, criteria, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(cb.isNull(root.get("deletedAt")));
            if (!principal.isAdmin()) {
                predicates.add(cb.equal(root.get("owner"), principal.subject()));
            }
            if (query.status() != null) {
                predicates.add(cb.equal(root.get("status"), PromptStatus.fromWire(query.status())));
            }
            for (ByteBuffer token : tokens) {
                Subquery<Integer> match = criteria.subquery(Integer.class);
                var row = match.from(PromptSearchToken.class);
                match.select(cb.literal(1))
                        .where(
                                cb.equal(row.get("id").get("promptId"), root.get("id")),
                                cb.equal(row.get("id").get("token"), token.array()));
                predicates.add(cb.exists(match));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
