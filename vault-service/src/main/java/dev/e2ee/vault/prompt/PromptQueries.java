package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import dev.e2ee.vault.prompt.PromptRequests.ListQuery;
import dev.e2ee.vault.prompt.PromptResponses.PromptResponse;
import dev.e2ee.vault.prompt.PromptResponses.PromptVersionResponse;
import dev.e2ee.vault.prompt.PromptResponses.VersionHistory;
import dev.e2ee.vault.web.JsonMetadata;
import dev.e2ee.vault.web.PageResponse;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads prompts: one with its text, its version history, and pages with the blind-index search. */
@Service
class PromptQueries {

    private final PromptService service;
    private final PromptRepository prompts;
    private final PromptVersionRepository versions;
    private final PromptCipher cipher;
    private final BlindIndex index;
    private final JsonMetadata metadata;
    private final AuditRecorder audit;

    PromptQueries(
            PromptService service,
            PromptRepository prompts,
            PromptVersionRepository versions,
            PromptCipher cipher,
            BlindIndex index,
            JsonMetadata metadata,
            AuditRecorder audit) {
        this.service = service;
        this.prompts = prompts;
        this.versions = versions;
        this.cipher = cipher;
        this.index = index;
        this.metadata = metadata;
        this.audit = audit;
    }

    @Transactional
    PromptResponse read(UUID id, E2eePrincipal principal, List<?> envelopes) {
        Prompt prompt = service.visible(id, principal);
        String text = cipher.open(PromptCipher.PROMPTS, id, prompt.getVersion(), prompt.getEncryptedText());
        audit.success("prompt.read", "prompt", id, Map.of("version", prompt.getVersion()));
        return response(prompt, text, envelopes);
    }

    @Transactional
    VersionHistory history(UUID id, E2eePrincipal principal) {
        Prompt prompt = service.visible(id, principal);
        List<PromptVersionResponse> all = versions.findByPromptIdOrderByVersionDesc(id).stream()
                .map(v -> new PromptVersionResponse(
                        v.getVersion(),
                        cipher.open(PromptCipher.VERSIONS, v.getId(), v.getVersion(), v.getEncryptedText()),
                        metadata.read(v.getMetadata()),
                        v.getCreatedBy(),
                        v.getCreatedAt()))
                .toList();
        audit.success("prompt.versions.read", "prompt", id, Map.of("versions", all.size()));
        return new VersionHistory(id, prompt.getVersion(), all);
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
                page.getContent().stream().map(p -> response(p, null, null)).toList(),
                query.pageOrDefault(),
                query.limitOrDefault(),
                page.getTotalElements());
    }

    PromptResponse response(Prompt prompt, String text, List<?> envelopes) {
        return new PromptResponse(
                prompt.getId(),
                prompt.getStatus().wireName(),
                prompt.getVersion(),
                text,
                metadata.read(prompt.getMetadata()),
                prompt.getCreatedAt(),
                prompt.getUpdatedAt(),
                envelopes);
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
