package dev.e2ee.platform.warmup;

import java.io.IOException;

/**
 * One hot path of a service, exercised by the warm-up before the service reports ready: one call of
 * {@link #round()} is one pass (for example seal and open one envelope). It must not write business data, log
 * secrets or need anything the service does not already hold.
 */
public interface WarmupContributor {

    /** A short name for the warm-up's log line. */
    String name();

    /** One pass over the hot path; an exception drops this contributor from the rest of the warm-up. */
    void round() throws IOException, InterruptedException;
}
