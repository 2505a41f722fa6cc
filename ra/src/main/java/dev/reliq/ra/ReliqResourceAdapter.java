package dev.reliq.ra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.transaction.xa.XAResource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;

/**
 * reliq's resource adapter. Its configuration ({@code url}, default
 * {@code redis://localhost:6379}, with any reliq option in its query; {@code user} and
 * {@code password} for a Redis ACL user) is the default for every activation and connection
 * factory that does not set its own. Several instances may run in one server (WildFly starts
 * one per {@code @ConnectionFactoryDefinition}); each keeps its own connections and threads.
 */
public class ReliqResourceAdapter extends RedisSettingsBean implements ResourceAdapter {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ReliqResourceAdapter.class);

    private transient BootstrapContext bootstrapContext;
    private final transient Map<ActivationKey, EndpointActivation> activations = new ConcurrentHashMap<>();
    private final transient List<RecoveryWork> recoveries = new ArrayList<>();

    /** An activation is identified by its endpoint factory and spec (JCA 13.4.1: both, as passed). */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.bootstrapContext = context;
        log.info("reliq resource adapter started ({})", settings());
        if (settings().url() == null) {
            // easy to miss on a server that has a Redis of its own on the default port
            log.warn("reliq resource adapter: no url configured, so beans and connection factories without their own"
                + " url use {}; set the adapter's url property to choose the Redis", RedisSettings.DEFAULT_URL);
        }
    }

    @Override
    public void stop() {
        activations.values().forEach(EndpointActivation::stop);
        activations.clear();
        synchronized (recoveries) {
            recoveries.forEach(RecoveryWork::close);
            recoveries.clear();
        }
        log.info("reliq resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof ReliqActivationSpec reliqSpec)) {
            throw new NotSupportedException("reliq cannot activate an endpoint with " + spec.getClass().getName());
        }
        EndpointActivation activation = new EndpointActivation(this, endpointFactory, reliqSpec);
        activation.start();
        activations.put(new ActivationKey(endpointFactory, spec), activation);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        EndpointActivation activation = activations.remove(new ActivationKey(endpointFactory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /**
     * For the transaction manager's recovery: one XAResource per Redis the specs name, which
     * lists the prepared branches stored there and finishes them.
     */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        List<XAResource> resources = new ArrayList<>();
        List<RedisSettings> seen = new ArrayList<>();
        for (ActivationSpec spec : specs == null ? new ActivationSpec[0] : specs) {
            if (spec instanceof ReliqActivationSpec s) {
                RedisSettings target = new RedisSettings(s.getUrl(), s.getUser(), s.getPassword()).orElse(settings());
                if (!seen.contains(target)) {
                    seen.add(target);
                    RecoveryWork recovery = new RecoveryWork(target);
                    synchronized (recoveries) {
                        recoveries.add(recovery);
                    }
                    resources.add(new ReliqXAResource(recovery));
                }
            }
        }
        return resources.toArray(new XAResource[0]);
    }

    RedisSettings settings() {
        return ownSettings();
    }

    // equals and hashCode: over the configuration (RedisSettingsBean), as JCA asks

    WorkManager workManager() {
        return bootstrapContext.getWorkManager();
    }
}
