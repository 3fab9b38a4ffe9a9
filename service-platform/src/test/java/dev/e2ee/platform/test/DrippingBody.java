package dev.e2ee.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A response body sent one byte every 100 ms (a slow-drip server, for the JWK Set fetch deadline tests), until the
 * test releases it or the body is sent.
 */
public final class DrippingBody {

    private final CountDownLatch released = new CountDownLatch(1);

    /** Writes {@code body} to {@code out} one byte at a time, 100 ms apart, stopping early once released. */
    public void drip(OutputStream out, byte[] body) throws IOException {
        try {
            for (byte b : body) {
                out.write(b);
                out.flush();
                if (released.await(100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every drip at its next byte (call when the test ends). */
    public void release() {
        released.countDown();
    }
}
