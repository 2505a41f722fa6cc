package dev.reliq.samples.mdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.reliq.test.RedisServerExtension;

/**
 * The sample as a user runs it: the real reliq-ra.rar and the sample's WAR, both as Maven built
 * them, deployed into WildFly (standalone-full); the only configuration is the system property
 * {@code reliq.url}, set through the management API before the adapter is deployed. Orders go
 * in through {@code /send}; what happened is read from {@code /status}.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(OrderAppIT.RedisUrl.class)
class OrderAppIT {

    private static final RedisServerExtension REDIS = RedisServerExtension.standalone();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, new File(System.getProperty("reliq.rar")));
    }

    @Deployment(name = "app", order = 2, testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("reliq.sample.war")));
    }

    @Test
    void orderIsProcessedOnce(@ArquillianResource @OperateOnDeployment("app") URL app) throws Exception {
        String order = "order-" + UUID.randomUUID();
        assertThat(post(app, "send?text=" + order)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(app).contains("\n  " + order + "\n"));
        // acknowledged: no second delivery comes
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
            .until(() -> status(app).contains("  " + order + ": 1\n"));
        assertThat(status(app)).doesNotContain(order + " reason=");
    }

    @Test
    void poisonOrderIsDeliveredThreeTimesThenDeadLettered(@ArquillianResource @OperateOnDeployment("app") URL app)
            throws Exception {
        String order = "poison-order-" + UUID.randomUUID();
        assertThat(post(app, "send?text=" + order)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> status(app).contains(order + " reason="));
        String status = status(app);
        assertThat(status)
            .contains("  " + order + " reason=maxDeliveries deliveries=3\n")
            .contains("  " + order + ": 3\n")
            .doesNotContain("\n  " + order + "\n");
        assertThat(status).containsPattern("orders\\.DLQ: [1-9]");
    }

    private static int post(URL app, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app + pathAndQuery))
            .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String status(URL app) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app + "status")).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /**
     * Points the adapter, its connection factory and the bean at the test's Redis, as
     * {@code /system-property=reliq.url:add(value=...)} does from jboss-cli; it runs before the
     * first deployment, and the Redis stays up until the test JVM exits.
     */
    public static class RedisUrl implements ServerSetupTask {

        private static final ModelNode ADDRESS = Operations.createAddress("system-property", "reliq.url");

        @Override
        public void setup(ManagementClient client, String containerId) throws Exception {
            REDIS.startShared("OrderAppIT");
            ModelNode add = Operations.createAddOperation(ADDRESS);
            add.get("value").set(REDIS.uri() + "?keyPrefix=" + REDIS.keyPrefix());
            execute(client, add);
        }

        @Override
        public void tearDown(ManagementClient client, String containerId) throws Exception {
            execute(client, Operations.createRemoveOperation(ADDRESS));
        }

        private static void execute(ManagementClient client, ModelNode operation) throws Exception {
            ModelNode result = client.getControllerClient().execute(operation);
            if (!Operations.isSuccessfulOutcome(result)) {
                throw new IllegalStateException(operation + " failed: " + Operations.getFailureDescription(result));
            }
        }
    }
}
