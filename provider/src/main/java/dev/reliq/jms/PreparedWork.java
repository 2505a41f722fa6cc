package dev.reliq.jms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.reliq.queue.OutgoingMessage;

/**
 * What committing a prepared transaction still has to do: the messages to send and the receipt
 * handles to acknowledge. Stored in Redis at prepare (see the resource adapter's XA support), so
 * that a transaction manager that recovers after a crash can finish the transaction.
 *
 * <p>Encoding (all big-endian): byte 'P', byte version 2; int count of sends, each: byte 'Q'
 * (queue) or 'T' (topic), UTF destination name, int priority, long delay ms, long time-to-live ms, int length and the payload; int count
 * of acknowledgements, each: UTF queue name, UTF receipt handle.
 */
public record PreparedWork(List<Send> sends, List<Ack> acks) {

    private static final int MAGIC = 'P';
    private static final int VERSION = 2;

    /** A message to store in a queue, or to publish to a topic, at commit. */
    public record Send(String destination, boolean topic, OutgoingMessage message) {
    }

    /** A consumed message to acknowledge at commit. */
    public record Ack(String queue, String handle) {
    }

    public PreparedWork {
        sends = List.copyOf(sends);
        acks = List.copyOf(acks);
    }

    /** The same work without the first {@code n} sends (they were stored). */
    PreparedWork withoutFirstSends(int n) {
        return new PreparedWork(sends.subList(n, sends.size()), acks);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(sends.size());
            for (Send s : sends) {
                out.writeByte(s.topic() ? 'T' : 'Q');
                out.writeUTF(s.destination());
                out.writeInt(s.message().priority());
                out.writeLong(s.message().delay().toMillis());
                out.writeLong(s.message().timeToLive().toMillis());
                out.writeInt(s.message().body().length);
                out.write(s.message().body());
            }
            out.writeInt(acks.size());
            for (Ack a : acks) {
                out.writeUTF(a.queue());
                out.writeUTF(a.handle());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a record written by {@link #encode()}; IllegalArgumentException when it is not one. */
    public static PreparedWork decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            if (in.readUnsignedByte() != MAGIC || in.readUnsignedByte() != VERSION) {
                throw new IllegalArgumentException("not a prepared-transaction record of version " + VERSION);
            }
            int sendCount = in.readInt();
            List<Send> sends = new ArrayList<>();
            for (int i = 0; i < sendCount; i++) {
                int kind = in.readUnsignedByte();
                if (kind != 'Q' && kind != 'T') {
                    throw new IllegalArgumentException("unknown destination kind " + kind + " in a prepared-transaction record");
                }
                String destination = in.readUTF();
                int priority = in.readInt();
                Duration delay = Duration.ofMillis(in.readLong());
                Duration ttl = Duration.ofMillis(in.readLong());
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                sends.add(new Send(destination, kind == 'T', new OutgoingMessage(body, priority, delay, ttl)));
            }
            int ackCount = in.readInt();
            List<Ack> acks = new ArrayList<>();
            for (int i = 0; i < ackCount; i++) {
                acks.add(new Ack(in.readUTF(), in.readUTF()));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after a prepared-transaction record");
            }
            return new PreparedWork(sends, acks);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("unreadable prepared-transaction record: " + e.getMessage(), e);
        }
    }
}
