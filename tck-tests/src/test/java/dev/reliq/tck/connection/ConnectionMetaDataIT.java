package dev.reliq.tck.connection;

import static dev.reliq.tck.JmsTestSupport.factory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.JMSContext;

import dev.reliq.test.RedisServerExtension;

/**
 * ConnectionMetaData (its javadoc, and the JMS-defined properties of Jakarta Messaging 3.1 chapter
 * 3): the specification version, and the JMSX properties supported.
 */
class ConnectionMetaDataIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void metaDataNamesJakartaMessaging31AndTheProvider() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            ConnectionMetaData metaData = connection.getMetaData();
            assertThat(metaData.getJMSVersion()).isEqualTo("3.1");
            assertThat(metaData.getJMSMajorVersion()).isEqualTo(3);
            assertThat(metaData.getJMSMinorVersion()).isEqualTo(1);
            assertThat(metaData.getJMSProviderName()).isNotBlank();
            assertThat(metaData.getProviderVersion())
                .startsWith(metaData.getProviderMajorVersion() + "." + metaData.getProviderMinorVersion());
        }
    }

    @Test
    void theJmsxPropertiesListedIncludeTheRequiredGroupPropertiesAndTheDeliveryCount() throws Exception {
        try (Connection connection = factory(REDIS, "").createConnection()) {
            List<String> names = Collections.list(connection.getMetaData().getJMSXPropertyNames());
            assertThat(names)
                .contains("JMSXGroupID", "JMSXGroupSeq", "JMSXDeliveryCount")
                .doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("JMSX"));
        }
    }

    @Test
    void aContextGivesTheMetaDataOfItsConnection() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            ConnectionMetaData metaData = context.getMetaData();
            assertThat(metaData.getJMSMajorVersion()).isEqualTo(3);
            assertThat(metaData.getJMSMinorVersion()).isEqualTo(1);
        }
    }
}
