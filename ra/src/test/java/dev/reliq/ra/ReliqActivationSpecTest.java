package dev.reliq.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import jakarta.jms.Session;
import jakarta.resource.spi.InvalidPropertyException;

class ReliqActivationSpecTest {

    @Test
    void aSpecWithoutDestinationSaysWhatToSet() {
        assertThatThrownBy(() -> new ReliqActivationSpec().validate())
            .isInstanceOf(InvalidPropertyException.class)
            .hasMessageContaining("'destination'").hasMessageContaining("'destinationLookup'");
    }

    @Test
    void badValuesAreNamed() {
        ReliqActivationSpec spec = new ReliqActivationSpec();
        spec.setDestination("orders");
        spec.setVisibilityTimeout("soon");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
            .hasMessageContaining("visibilityTimeout");
        spec.setVisibilityTimeout("2s");
        spec.setAcknowledgeMode("Client-acknowledge");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
            .hasMessageContaining("acknowledgeMode");
        spec.setAcknowledgeMode("Dups-ok-acknowledge");
        spec.setMaxSession(0);
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
            .hasMessageContaining("maxSession");
    }

    @Test
    void aDurableTopicSubscriptionNeedsAName() throws Exception {
        ReliqActivationSpec spec = new ReliqActivationSpec();
        spec.setDestination("prices");
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
            .hasMessageContaining("subscriptionName");
        spec.setSubscriptionName("audit");
        spec.validate();
        assertThat(spec.isTopic()).isTrue();
        assertThat(spec.isDurable()).isTrue();
    }

    @Test
    void anUnknownSubscriptionDurabilityIsNamed() {
        ReliqActivationSpec spec = new ReliqActivationSpec();
        spec.setDestination("prices");
        spec.setDestinationType("Topic");
        spec.setSubscriptionDurability("Forever");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
            .hasMessageContaining("subscriptionDurability").hasMessageContaining("Forever");
    }

    @Test
    void defaultsAreAQueueWithAutoAcknowledgeAndTenSessions() throws Exception {
        ReliqActivationSpec spec = new ReliqActivationSpec();
        spec.setDestination("orders");
        spec.validate();
        assertThat(spec.isQueue()).isTrue();
        assertThat(spec.sessionAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
        assertThat(spec.getMaxSession()).isEqualTo(10);
        assertThat(ReliqActivationSpec.duration("setupInterval", spec.getSetupInterval()).toMillis()).isEqualTo(2000);
    }

    @Test
    void otherAdaptersDeadLetterPropertiesAreAccepted() throws Exception {
        ReliqActivationSpec spec = new ReliqActivationSpec();
        spec.setDestination("orders");
        spec.setUseDLQ(true);
        spec.setDLQMaxResent(5);
        spec.setDLQJNDIName("java:/queue/DLQ");
        spec.validate();
    }
}
