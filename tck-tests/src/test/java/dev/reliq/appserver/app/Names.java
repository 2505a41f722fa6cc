package dev.reliq.appserver.app;

/** Names shared by the test application and the tests. */
public final class Names {

    public static final String WORK = "it.work";
    public static final String DRAIN = "it.drain";
    public static final String SEEN = "it.seen";
    public static final String OUT = "it.out";
    public static final String NON_TRANSACTED = "it.nontx";
    /** The topic of {@link TopicMdb} and {@link NonDurableTopicMdb}. */
    public static final String TOPIC = "it.topic";
    /** {@link TopicMdb}'s durable subscription: its name, and the client ID it is made under. */
    public static final String TOPIC_SUBSCRIPTION = "it-topic-audit";
    public static final String TOPIC_CLIENT_ID = "it-app";
    /** An administered Queue (reliq's admin object) naming it.out. */
    public static final String OUT_QUEUE_LOOKUP = "java:app/jms/outQueue";
    public static final String CONNECTION_FACTORY = "java:app/jms/reliq";

    private Names() {
    }
}
