package dev.reliq.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A consumer process for {@link ConsumerCrashIT}: receives messages, reports each on stdout,
 * then holds them unacknowledged until it is killed.
 *
 * <p>Arguments: Redis URI, queue name, number of messages to take.
 */
public final class CrashingConsumer {

    private CrashingConsumer() {
    }

    public static void main(String[] args) throws InterruptedException {
        QueueClient client = QueueClient.connect(args[0]);
        ReliableQueue queue = client.queue(args[1]);
        int wanted = Integer.parseInt(args[2]);
        int taken = 0;
        while (taken < wanted) {
            List<ReceivedMessage> batch = queue.receive(wanted - taken, null, Duration.ofSeconds(5));
            for (ReceivedMessage m : batch) {
                System.out.println("RECEIVED " + m.id() + " " + m.deliveries() + " "
                    + new String(m.body(), StandardCharsets.UTF_8));
            }
            taken += batch.size();
        }
        System.out.println("HOLDING");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // never acknowledges: the parent kills this process
    }
}
