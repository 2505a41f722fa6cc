package dev.reliq.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Redis Cluster of three masters without replicas on loopback, formed the way
 * {@code redis-cli --cluster create} does it: each node gets a third of the slots, the nodes
 * meet, and the fixture waits until every node reports the same slot map.
 */
final class RedisCluster implements RedisDeployment {

    private static final int NODES = 3;
    private static final int SLOTS = 16384;
    /* Redis 6.2 has no CLUSTER ADDSLOTSRANGE, so slots go out in batches of this many arguments. */
    private static final int SLOTS_PER_COMMAND = 1000;
    private static final Duration AGREEMENT = Duration.ofSeconds(30);
    private static final List<String> OPTIONS = List.of("--cluster-enabled", "yes",
            "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000");

    private final RedisSource source;
    private final List<RedisProcess> nodes;
    private String version;

    private RedisCluster(RedisSource source, List<RedisProcess> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    /** Launches three nodes under {@code dir} and returns once they form one healthy cluster. */
    static RedisCluster start(RedisSource source, Path binary, Path dir) {
        List<String> options = new ArrayList<>(RedisProcess.EPHEMERAL);
        options.addAll(OPTIONS);
        RedisCluster cluster = new RedisCluster(source, new ArrayList<>());
        try {
            for (int i = 1; i <= NODES; i++) {
                RedisProcess node = new RedisProcess(binary, dir.resolve("node-" + i),
                        LoopbackPorts.freeWithClusterBus(), options, null);
                cluster.nodes.add(node);
                node.start();
            }
            cluster.form();
            try (Jedis first = cluster.nodes.get(0).connect()) {
                cluster.version = RedisInfo.version(first.info("server"));
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void form() {
        for (int i = 0; i < NODES; i++) {
            try (Jedis node = nodes.get(i).connect()) {
                // Distinct epochs up front spare the nodes resolving an epoch collision after they meet.
                node.clusterSetConfigEpoch(i + 1);
                assignSlots(node, i * SLOTS / NODES, (i + 1) * SLOTS / NODES);
            }
        }
        // One MEET would do, with gossip spreading the rest; meeting every pair spares waiting for gossip.
        for (int i = 0; i < NODES; i++) {
            try (Jedis node = nodes.get(i).connect()) {
                for (RedisProcess other : nodes.subList(i + 1, NODES)) {
                    node.clusterMeet(RedisProcess.HOST, other.port());
                }
            }
        }
        Polling.await("the three cluster nodes to agree on the slot map", AGREEMENT, this::agreed);
    }

    private static void assignSlots(Jedis node, int from, int to) {
        for (int start = from; start < to; start += SLOTS_PER_COMMAND) {
            int[] batch = IntStream.range(start, Math.min(to, start + SLOTS_PER_COMMAND)).toArray();
            node.clusterAddSlots(batch);
        }
    }

    private boolean agreed() {
        Set<Map<Integer, String>> views = new HashSet<>();
        for (RedisProcess node : nodes) {
            try (Jedis jedis = node.connect()) {
                String info = jedis.clusterInfo();
                if (!RedisInfo.field(info, "cluster_state").orElse("").equals("ok")
                        || !RedisInfo.field(info, "cluster_known_nodes").orElse("").equals(String.valueOf(NODES))) {
                    return false;
                }
                views.add(slotMap(jedis.clusterNodes()));
            }
        }
        return views.size() == 1 && views.iterator().next().size() == NODES;
    }

    /** Port to slot ranges of each master that owns slots, as one node sees the cluster. */
    private static Map<Integer, String> slotMap(String clusterNodes) {
        Map<Integer, String> slots = new TreeMap<>();
        for (String line : clusterNodes.split("\n")) {
            // <id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slot> <slot> ...
            String[] fields = line.trim().split(" ");
            if (fields.length > 8 && fields[2].contains("master") && !fields[2].contains("handshake")) {
                String address = fields[1].split("@")[0];
                int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
                slots.put(port, String.join(" ", List.of(fields).subList(8, fields.length)));
            }
        }
        return slots;
    }

    @Override
    public RedisSource source() {
        return source;
    }

    @Override
    public String uri() {
        return nodes.stream().map(node -> RedisProcess.HOST + ":" + node.port())
                .collect(Collectors.joining(",", "redis-cluster://", ""));
    }

    @Override
    public String host() {
        return RedisProcess.HOST;
    }

    @Override
    public List<Integer> ports() {
        return nodes.stream().map(RedisProcess::port).collect(Collectors.toList());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public UnifiedJedis newClient() {
        return RedisClusterClient.builder()
                .nodes(nodes.stream().map(RedisProcess::address).collect(Collectors.toSet()))
                .build();
    }

    @Override
    public boolean isProcessControlled() {
        return true;
    }

    @Override
    public void close() {
        nodes.forEach(RedisProcess::close);
    }
}
