package dev.reliq.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Picks loopback ports that nothing listens on, for the servers the fixture launches. */
final class LoopbackPorts {

    /** Redis Cluster talks to its peers on the client port plus this offset (Redis 6.2 cannot move it). */
    static final int CLUSTER_BUS_OFFSET = 10000;

    /*
     * Cluster ports are drawn below the operating system's ephemeral range so that port + 10000
     * still exists (macOS hands out ephemeral ports up to 65535), and away from the well-known
     * Redis ports other services on the machine may own.
     */
    private static final int CLUSTER_LOW = 20000;
    private static final int CLUSTER_HIGH = 30000;
    private static final int ATTEMPTS = 200;

    private LoopbackPorts() {
    }

    /** A port the operating system considers free on 127.0.0.1. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port", e);
        }
    }

    /** A free port whose cluster bus port ({@code port + 10000}) is free as well. */
    static int freeWithClusterBus() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(CLUSTER_LOW, CLUSTER_HIGH);
            if (port != 26379 && isFree(port) && isFree(port + CLUSTER_BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("Found no free port pair p, p+" + CLUSTER_BUS_OFFSET
                + " for a cluster node between " + CLUSTER_LOW + " and " + CLUSTER_HIGH);
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
