/**
 * reliq's Jakarta Connectors 2.1 resource adapter: message-driven beans fed from reliable queues
 * (inbound), pooled connection factories whose sessions join JTA transactions (outbound), and
 * Queue and Topic admin objects. The container layer: it uses {@code dev.reliq.jms} and
 * {@code dev.reliq.queue}, never the other way round. See docs/app-servers.md.
 */
package dev.reliq.ra;
