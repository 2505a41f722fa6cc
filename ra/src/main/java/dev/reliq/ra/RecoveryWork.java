package dev.reliq.ra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.JMSException;

import dev.reliq.jms.ReliqConnection;
import dev.reliq.jms.ReliqSession;

/**
 * The work behind a recovery XAResource: no session of its own, only a connection (opened when
 * the transaction manager first asks) to the Redis whose prepared branches it lists and finishes.
 */
final class RecoveryWork implements TransactionalWork {

    private static final Logger log = LoggerFactory.getLogger(RecoveryWork.class);

    private final RedisSettings settings;
    private ReliqConnection connection;

    RecoveryWork(RedisSettings settings) {
        this.settings = settings;
    }

    @Override
    public ReliqSession transactedSession() {
        return null;
    }

    @Override
    public synchronized ReliqConnection connection() {
        if (connection == null) {
            try {
                connection = (ReliqConnection) settings.connectionFactory().createConnection();
            } catch (JMSException e) {
                throw new IllegalStateException("reliq recovery cannot reach Redis: " + e.getMessage(), e);
            }
        }
        return connection;
    }

    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                log.debug("Closing the recovery connection failed", e);
            }
            connection = null;
        }
    }
}
