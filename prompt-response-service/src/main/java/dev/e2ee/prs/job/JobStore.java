package dev.e2ee.prs.job;

import dev.e2ee.platform.tracing.StreamTraceContext;
import dev.e2ee.prs.storage.EncryptedValues;
import dev.e2ee.prs.storage.StorageUnavailableException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Async jobs in Redis: the state (sealed) at {@code e2ee:job:{<id>}} with a TTL, and a stream entry
 * {@code {jobId, owner, data}} where {@code data} is the sealed {@link JobRequest} (it contains the prompt text), plus
 * the submitting request's {@code traceparent} when tracing is on (the worker continues that trace).
 * Both are sealed with the owner (principal subject) in the associated data, so they open only for that owner.
 * Any instance's workers may run it (consumer group), see {@link JobRunner}. A job is completed at most once: the
 * result is written only if the state is still the pending state the worker read (a check-and-set in one Lua call on
 * the job's key), so a duplicate run (a job claimed again while still running) never replaces the first result.
 */
@Service
public class JobStore {

    /** KEYS[1] state; ARGV: expected (pending) sealed state, finished sealed state, TTL in ms. 1 = written. */
    private static final RedisScript<Long> COMPLETE = RedisScript.of(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then"
                    + " redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0",
            Long.class);

    private final StringRedisTemplate redis;
    private final EncryptedValues values;
    private final JsonMapper json;
    private final JobProperties properties;
    private final Clock clock;
    private final StreamTraceContext traces;

    JobStore(
            StringRedisTemplate redis,
            EncryptedValues values,
            JsonMapper json,
            JobProperties properties,
            Clock clock,
            StreamTraceContext traces) {
        this.redis = redis;
        this.values = values;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.traces = traces;
    }

    static String stateKey(UUID jobId) {
        return "e2ee:job:{" + jobId + "}";
    }

    /** Queues a job for {@code owner}; the state is pending until a worker finishes it. */
    public UUID submit(String owner, String requestId, String clientAddress, String payload) {
        UUID jobId = UUID.randomUUID();
        save(JobState.pending(jobId, owner, clock.instant()));
        MapRecord<String, String, String> entry =
                record(new JobRequest(jobId, owner, requestId, clientAddress, payload));
        StorageUnavailableException.guard(() ->
                redis.opsForStream().add(entry, XAddOptions.maxlen(100_000).approximateTrimming(true)));
        return jobId;
    }

    /** The owner's job, or empty (unknown, expired, or someone else's). */
    public Optional<JobState> find(UUID jobId, String owner) {
        try {
            return load(jobId, owner).filter(state -> state.owner().equals(owner));
        } catch (EncryptedValues.CorruptValueException e) {
            return Optional.empty();
        }
    }

    java.time.Instant now() {
        return clock.instant();
    }

    MapRecord<String, String, String> record(JobRequest request) {
        String sealed =
                values.seal("job", request.jobId().toString(), request.owner(), json.writeValueAsBytes(request));
        Map<String, String> fields = new HashMap<>(traces.current());
        fields.putAll(Map.of("jobId", request.jobId().toString(), "owner", request.owner(), "data", sealed));
        return StreamRecords.string(fields).withStreamKey(properties.stream());
    }

    JobRequest decode(Map<String, String> entry) {
        String jobId = entry.get("jobId");
        return json.readValue(values.open("job", jobId, entry.get("owner"), entry.get("data")), JobRequest.class);
    }

    /** A job's state as read, with its sealed form (the expected value of the completion check-and-set). */
    record Stored(JobState state, String sealed) {}

    Optional<JobState> load(UUID jobId, String owner) {
        return loadStored(jobId, owner).map(Stored::state);
    }

    Optional<Stored> loadStored(UUID jobId, String owner) {
        String sealed = read(jobId);
        if (sealed == null) {
            return Optional.empty();
        }
        JobState state = json.readValue(values.open("job-state", jobId.toString(), owner, sealed), JobState.class);
        return Optional.of(new Stored(state, sealed));
    }

    /** True while the job's state is still exactly the one read (no other run has completed it). */
    boolean isUnchanged(Stored stored) {
        return stored.sealed().equals(read(stored.state().jobId()));
    }

    /**
     * Writes {@code finished} only if the state is still {@code pending} (atomically).
     *
     * @return false when another run completed the job first (or it expired): the result is discarded
     */
    boolean complete(Stored pending, JobState finished) {
        String sealed = seal(finished);
        Long written = StorageUnavailableException.guard(() -> redis.execute(
                COMPLETE,
                List.of(stateKey(finished.jobId())),
                pending.sealed(),
                sealed,
                String.valueOf(properties.resultTtl().toMillis())));
        return written != null && written == 1L;
    }

    void save(JobState state) {
        String sealed = seal(state);
        StorageUnavailableException.guard(() -> {
            redis.opsForValue().set(stateKey(state.jobId()), sealed, properties.resultTtl());
            return null;
        });
    }

    private String read(UUID jobId) {
        return StorageUnavailableException.guard(() -> redis.opsForValue().get(stateKey(jobId)));
    }

    private String seal(JobState state) {
        return values.seal("job-state", state.jobId().toString(), state.owner(), json.writeValueAsBytes(state));
    }
}
