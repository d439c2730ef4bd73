package org.policyarchive.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of PostgreSQL that a test can cut and restore, to take the database away from the archive as
 * an outage would: cut closes every connection through it and closes each new one as soon as it is accepted, restore
 * lets connections through again. It stands in front of the embedded server and the test server alike.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?(/.*)");

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final String path;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpProxy(String host, int port, String path) {
        this.host = host;
        this.port = port;
        this.path = path;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept, "proxy-accept");
    }

    /** A proxy to the PostgreSQL server of {@code jdbcUrl}. */
    public static TcpProxy to(String jdbcUrl) {
        Matcher url = JDBC_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return new TcpProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)), url.group(3));
    }

    /** The JDBC URL that reaches the same database through the proxy. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + path;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes every connection through the proxy, and every new one, until {@link #restore()}. */
    public void cut() {
        cut = true;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            Socket database = new Socket();
            try {
                database.connect(new InetSocketAddress(host, port), 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(database);
                continue;
            }
            sockets.add(client);
            sockets.add(database);
            if (cut) {
                // cut while this one was connecting
                cut();
                continue;
            }
            daemon(() -> pump(client, database), "proxy-up");
            daemon(() -> pump(database, client), "proxy-down");
        }
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // closed by cut(), or by the other side
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is all that was wanted
        }
    }
}
