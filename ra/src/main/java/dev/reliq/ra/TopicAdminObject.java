package dev.reliq.ra;

import jakarta.jms.Topic;

/** A Topic administered in the server ({@code @Resource(lookup = "...") Topic}); its {@code name} is the topic's name. */
public class TopicAdminObject extends DestinationAdminObject implements Topic {

    private static final long serialVersionUID = 1L;

    @Override
    public String getTopicName() {
        return getName();
    }

    @Override
    public String toString() {
        return "Topic[" + getName() + "]";
    }
}
