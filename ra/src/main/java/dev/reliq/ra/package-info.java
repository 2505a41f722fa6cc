/**
 * The Jakarta Connectors resource adapter: pooled outbound connection factories and
 * message-driven-bean delivery on top of {@code dev.reliq.jms}. Not built yet; this module
 * only compiles so that the build layout is final.
 */
package dev.reliq.ra;
