package dev.reliq.ra;

import java.io.PrintWriter;
import java.util.Set;

import javax.security.auth.Subject;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

/**
 * The outbound side: the container pools the {@link ReliqManagedConnection}s this makes and
 * hands applications a {@link PooledConnectionFactory} (a {@code jakarta.jms.ConnectionFactory}).
 * Configuration: {@code url}, {@code user} and {@code password}, each defaulting to the
 * resource adapter's.
 */
public class ReliqManagedConnectionFactory extends RedisSettingsBean
        implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new PooledConnectionFactory(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() {
        return new PooledConnectionFactory(this, new UnpooledConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        return new ReliqManagedConnection(this, settingsFor(info));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        RedisSettings wanted = settingsFor(info);
        for (Object candidate : candidates) {
            if (candidate instanceof ReliqManagedConnection mc && mc.settings().equals(wanted)) {
                return mc;
            }
        }
        return null;
    }

    /** The Redis a connection request goes to: its own credentials, else this factory's, else the adapter's. */
    RedisSettings settingsFor(ConnectionRequestInfo info) {
        RedisSettings own = ownSettings();
        if (info instanceof ReliqConnectionRequestInfo credentials && credentials.user() != null) {
            own = new RedisSettings(getUrl(), credentials.user(), credentials.password());
        }
        return own.orElse(resourceAdapter instanceof ReliqResourceAdapter ra ? ra.settings() : null);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }
}
