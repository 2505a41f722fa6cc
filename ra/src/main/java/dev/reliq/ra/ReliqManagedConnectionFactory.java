package dev.reliq.ra;

import java.io.PrintWriter;
import java.io.Serializable;
import java.util.Objects;
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
public class ReliqManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private String url;
    private String user;
    private String password;
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
        RedisSettings own = new RedisSettings(url, user, password);
        if (info instanceof ReliqConnectionRequestInfo credentials && credentials.user() != null) {
            own = new RedisSettings(url, credentials.user(), credentials.password());
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

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null || url.isBlank() ? null : url.trim();
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user == null || user.isBlank() ? null : user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReliqManagedConnectionFactory other && Objects.equals(url, other.url)
            && Objects.equals(user, other.user) && Objects.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user);
    }
}
