package dev.e2ee.systemtest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny Toxiproxy: listens on a free local port and pipes every connection to the real upstream (PostgreSQL or
 * Redis). {@link #cut()} simulates an outage of the upstream — open connections are reset and new ones are
 * accepted and closed at once — without touching the machine's real server; {@link #restore()} ends it.
 */
final class TcpProxy implements AutoCloseable {

    private final String name;
    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    TcpProxy(String name, String upstreamHost, int upstreamPort) throws IOException {
        this.name = name;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Outage: every open connection is reset, new ones are closed right after accept. */
    void cut() {
        down = true;
        for (Socket socket : open) {
            resetQuietly(socket);
        }
        open.clear();
    }

    void restore() {
        down = false;
    }

    boolean isDown() {
        return down;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    resetQuietly(client);
                    continue;
                }
                connect(client);
            } catch (IOException e) {
                // server closed, or one failed accept: keep serving while open
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), 2000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            resetQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // connection reset or closed: tear down both sides below
                    } finally {
                        open.remove(from);
                        open.remove(to);
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "proxy-" + name + "-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void resetQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // RST instead of FIN: the peer sees a hard failure, like a dead server
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
