package dev.reliq.jms;

import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * Rebuilds reliq objects from the JNDI {@link Reference}s they bind as: destinations from their
 * {@code destination} address, connection factories from their {@code url} and properties.
 */
public final class ReliqObjectFactory implements ObjectFactory {

    @Override
    public Object getObjectInstance(Object object, Name name, Context context, Hashtable<?, ?> environment) {
        if (!(object instanceof Reference reference)) {
            return null;
        }
        RefAddr destination = reference.get("destination");
        if (destination != null) {
            return ReliqDestination.fromUri((String) destination.getContent());
        }
        if (ReliqConnectionFactory.class.getName().equals(reference.getClassName())) {
            return ReliqConnectionFactory.fromReference(reference);
        }
        return null;
    }
}
