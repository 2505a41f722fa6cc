/**
 * The five Jakarta Messaging message types of reliq and their binary encoding.
 *
 * <p>Applications use these classes through the {@code jakarta.jms} interfaces; the classes are
 * public so that the provider can create and receive them, and so that applications may
 * instantiate them in tests. {@link dev.reliq.jms.message.MessageCodec} turns a message into
 * the payload stored in a reliable queue and back ({@code docs/message-format.md}).
 */
package dev.reliq.jms.message;
