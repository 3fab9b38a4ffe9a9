package dev.e2ee.vault.audit;

import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Deletes the audit stream entries the vault's consumer group has acknowledged, and only those: one Lua script reads
 * the group's last-delivered id and its oldest pending entry and runs {@code XTRIM MINID} below both, so an entry
 * that was never delivered, or was delivered and not yet acknowledged, stays. Without the group (Redis lost it)
 * nothing is trimmed. The prompt-response service never trims; it fails closed when the backlog is too long.
 */
@Component
class AuditStreamTrimmer {

    /** KEYS[1] stream; ARGV[1] group. Returns how many entries were deleted. */
    private static final RedisScript<Long> TRIM_ACKNOWLEDGED = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local last = nil
            for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
              local name, delivered
              for i = 1, #group, 2 do
                if group[i] == 'name' then name = group[i + 1] end
                if group[i] == 'last-delivered-id' then delivered = group[i + 1] end
              end
              if name == ARGV[1] then last = delivered end
            end
            if last == nil or last == '0-0' then return 0 end
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1])
            local minid
            if pending[1] > 0 then
              minid = pending[2]
            else
              local ms, seq = string.match(last, '^(%d+)-(%d+)$')
              minid = ms .. '-' .. string.format('%d', tonumber(seq) + 1)
            end
            return redis.call('XTRIM', KEYS[1], 'MINID', minid)
            """, Long.class);

    private final StringRedisTemplate redis;
    private final AuditStreamProperties properties;

    AuditStreamTrimmer(StringRedisTemplate redis, AuditStreamProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Deletes the acknowledged entries; returns how many. */
    long trimAcknowledged() {
        Long deleted = redis.execute(TRIM_ACKNOWLEDGED, List.of(properties.key()), properties.group());
        return deleted == null ? 0 : deleted;
    }
}
