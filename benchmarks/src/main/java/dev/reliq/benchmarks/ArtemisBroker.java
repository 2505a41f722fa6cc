package dev.reliq.benchmarks;

import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The incumbent: an ActiveMQ Artemis broker embedded in this JVM, with its persistent journal in
 * a temporary directory, reached over TCP on 127.0.0.1 through its Jakarta Messaging client, as
 * reliq reaches Redis. Persistent and non-persistent rows share this broker and differ only in
 * the producers' delivery mode. Everything else is the broker's default configuration, except
 * the journal's buffer timeout, tuned to the disk as a broker made with {@code artemis create} is
 * (see {@link DiskSync}).
 */
final class ArtemisBroker implements AutoCloseable {

    private static final int ATTEMPTS = 3;

    private final EmbeddedActiveMQ embedded;
    private final ActiveMQConnectionFactory factory;
    private final Path dir;
    private final JournalType journalType;
    private final int bufferTimeoutNanos;
    private final String url;

    private ArtemisBroker(EmbeddedActiveMQ embedded, Path dir, JournalType journalType, int bufferTimeoutNanos,
            String url) {
        this.embedded = embedded;
        this.dir = dir;
        this.journalType = journalType;
        this.bufferTimeoutNanos = bufferTimeoutNanos;
        this.url = url;
        this.factory = new ActiveMQConnectionFactory(url);
    }

    static ArtemisBroker start() throws Exception {
        Path dir = TempDirs.create("artemis");
        Exception failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String url = "tcp://" + RedisServerProcess.HOST + ":" + LoopbackPorts.free();
            // the broker's default: libaio where the native library and the file system allow it
            JournalType journal = AIOSequentialFileFactory.isSupported(dir.toFile()) ? JournalType.ASYNCIO : JournalType.NIO;
            int bufferTimeout = (int) Math.min(Integer.MAX_VALUE, DiskSync.nanosPerSyncedWrite(dir));
            Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                // a busy small machine must not have the broker judged unhealthy and halted mid-run
                .setCriticalAnalyzer(false)
                .setJournalType(journal)
                .setJournalBufferTimeout_NIO(bufferTimeout)
                .setJournalBufferTimeout_AIO(bufferTimeout)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .addAcceptorConfiguration("tcp", url);
            EmbeddedActiveMQ embedded = new EmbeddedActiveMQ().setConfiguration(config);
            try {
                embedded.start();
                return new ArtemisBroker(embedded, dir, journal, bufferTimeout, url);
            } catch (Exception e) {
                failure = e;
                stopQuietly(embedded);
            }
        }
        TempDirs.delete(dir);
        throw failure;
    }

    ConnectionFactory connectionFactory() {
        return factory;
    }

    String description() {
        return "Apache Artemis " + embedded.getActiveMQServer().getVersion().getFullVersion()
            + ", embedded, journal " + journalType + " with journal-buffer-timeout " + bufferTimeoutNanos / 1000
            + " µs (this disk's 4 KiB write+sync time, as 'artemis create' tunes it), client over " + url;
    }

    /** Removes a queue and its messages after a run. */
    void deleteQueue(String name) {
        try {
            embedded.getActiveMQServer().destroyQueue(SimpleString.of(name), null, false, true, true);
        } catch (Exception e) {
            System.err.println("Artemis queue " + name + " not removed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        factory.close();
        stopQuietly(embedded);
        TempDirs.delete(dir);
    }

    private static void stopQuietly(EmbeddedActiveMQ embedded) {
        try {
            embedded.stop();
        } catch (Exception e) {
            System.err.println("Artemis did not stop cleanly: " + e.getMessage());
        }
    }
}
