package dev.reliq.ra;

import java.io.Serializable;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;

/** For use outside a container (JCA "non-managed"): every connection is a new managed connection. */
final class UnpooledConnectionManager implements ConnectionManager, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info) throws ResourceException {
        ReliqManagedConnection mc = (ReliqManagedConnection) factory.createManagedConnection(null, info);
        mc.destroyWhenClosed();
        return mc.getConnection(null, info);
    }
}
