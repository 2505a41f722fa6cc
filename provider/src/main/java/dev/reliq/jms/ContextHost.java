package dev.reliq.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

/**
 * What a {@link ReliqContext} stands on. reliq's connection factory gives a context a connection
 * of its own; the resource adapter gives it a container's pooled connection, whose rules (one
 * session, the container's transaction) then apply to the context too.
 */
public interface ContextHost {

    /** The connection behind getClientID, getMetaData, the exception listener, start and stop. */
    Connection connection();

    /** The context's session, created on its first use. */
    ReliqSession createSession(int sessionMode) throws JMSException;

    /** Closes the context's session. */
    void closeSession(ReliqSession session) throws JMSException;

    /** Refuses a call made from one of this connection's own listeners or completion callbacks. */
    void refuseFromOwnCallback(String what) throws JMSException;

    /** Another context is to share the connection ({@code JMSContext.createContext(int)}). */
    void share();

    /** The last context on the connection closed. */
    void close() throws JMSException;

    /** True while a container's transaction owns the session: commit, rollback and recover are then refused. */
    boolean inContainerTransaction(ReliqSession session);

    /** False in a Jakarta EE container, where a consumer's message listener is refused. */
    default boolean allowsMessageListeners() {
        return true;
    }
}
