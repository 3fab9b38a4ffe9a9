package dev.e2ee.prs.job;

import dev.e2ee.prs.storage.EncryptedValues;
import dev.e2ee.prs.storage.StorageUnavailableException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Async jobs in Redis: the state (sealed) at {@code e2ee:job:{<id>}} with a TTL, and a stream entry
 * {@code {jobId, data}} where {@code data} is the sealed {@link JobRequest} (it contains the prompt text).
 * Any instance's workers may run it (consumer group), see {@link JobWorker}.
 */
@Service
public class JobQueue {

    private final StringRedisTemplate redis;
    private final EncryptedValues values;
    private final JsonMapper json;
    private final JobProperties properties;
    private final Clock clock;

    JobQueue(
            StringRedisTemplate redis, EncryptedValues values, JsonMapper json, JobProperties properties, Clock clock) {
        this.redis = redis;
        this.values = values;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
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
        return load(jobId).filter(state -> state.owner().equals(owner));
    }

    java.time.Instant now() {
        return clock.instant();
    }

    MapRecord<String, String, String> record(JobRequest request) {
        String sealed = values.seal("job", request.jobId().toString(), json.writeValueAsBytes(request));
        return StreamRecords.string(Map.of("jobId", request.jobId().toString(), "data", sealed))
                .withStreamKey(properties.stream());
    }

    JobRequest decode(Map<String, String> entry) {
        String jobId = entry.get("jobId");
        return json.readValue(values.open("job", jobId, entry.get("data")), JobRequest.class);
    }

    Optional<JobState> load(UUID jobId) {
        String sealed =
                StorageUnavailableException.guard(() -> redis.opsForValue().get(stateKey(jobId)));
        if (sealed == null) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(values.open("job-state", jobId.toString(), sealed), JobState.class));
    }

    void save(JobState state) {
        String sealed = values.seal("job-state", state.jobId().toString(), json.writeValueAsBytes(state));
        StorageUnavailableException.guard(() -> {
            redis.opsForValue().set(stateKey(state.jobId()), sealed, properties.resultTtl());
            return null;
        });
    }
}
