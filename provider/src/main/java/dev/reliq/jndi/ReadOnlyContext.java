package dev.reliq.jndi;

import java.util.Collections;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.function.BiFunction;

import javax.naming.Binding;
import javax.naming.CompoundName;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;

/**
 * The context {@link ReliqInitialContextFactory} makes: a flat, read-only namespace over
 * {@link JndiBindings}. A name is one atomic string, slashes and dots included
 * ({@code jms/orders} is a name, not a subcontext); a {@link Name} of several components is
 * read as its components joined with {@code /}.
 */
final class ReadOnlyContext implements Context {

    private static final Properties FLAT = new Properties();

    static {
        FLAT.put("jndi.syntax.direction", "flat");
    }

    private static final NameParser PARSER = name -> new CompoundName(name, FLAT);

    private final JndiBindings bindings;
    private final Hashtable<Object, Object> environment;

    ReadOnlyContext(JndiBindings bindings, Hashtable<?, ?> environment) {
        this.bindings = bindings;
        this.environment = new Hashtable<>(environment);
    }

    // ------------------------------------------------------------------ lookups

    /** The empty name returns a new context over the same bindings, as JNDI requires. */
    @Override
    public Object lookup(String name) throws NamingException {
        if (name.isEmpty()) {
            return new ReadOnlyContext(bindings, environment);
        }
        Object object = bindings.lookup(name);
        if (object == null) {
            throw notFound(name);
        }
        return object;
    }

    @Override
    public Object lookup(Name name) throws NamingException {
        return lookup(text(name));
    }

    @Override
    public Object lookupLink(String name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(Name name) throws NamingException {
        return lookup(name);
    }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        return enumerate(name, (bound, object) -> new NameClassPair(bound, object.getClass().getName()));
    }

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) throws NamingException {
        return list(text(name));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        return enumerate(name, Binding::new);
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) throws NamingException {
        return listBindings(text(name));
    }

    private <T> NamingEnumeration<T> enumerate(String name, BiFunction<String, Object, T> entry)
            throws NamingException {
        if (!name.isEmpty()) {
            lookup(name); // NameNotFoundException for an unknown name
            throw new NotContextException("'" + name + "' is bound to an object, not to a context; list the"
                + " context itself (the empty name) to see every binding");
        }
        Iterator<T> entries = bindings.all().entrySet().stream()
            .map(binding -> entry.apply(binding.getKey(), binding.getValue()))
            .iterator();
        return new Listing<>(entries);
    }

    // ------------------------------------------------------------------ names and environment

    @Override
    public NameParser getNameParser(String name) {
        return PARSER;
    }

    @Override
    public NameParser getNameParser(Name name) {
        return PARSER;
    }

    @Override
    public Name composeName(Name name, Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(String name, String prefix) {
        return prefix.isEmpty() ? name : name.isEmpty() ? prefix : prefix + "/" + name;
    }

    /** The root of the namespace: the empty name. */
    @Override
    public String getNameInNamespace() {
        return "";
    }

    /** A copy of this context's environment. */
    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    /** Changes this context's environment only; the bindings stay those it was created with. */
    @Override
    public Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    /** Changes this context's environment only; the bindings stay those it was created with. */
    @Override
    public Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    /** Does nothing: the bound objects hold no resources, and lookups keep working. */
    @Override
    public void close() {
    }

    // ------------------------------------------------------------------ read-only

    @Override
    public void bind(String name, Object obj) throws NamingException {
        throw readOnly("bind", name);
    }

    @Override
    public void bind(Name name, Object obj) throws NamingException {
        throw readOnly("bind", text(name));
    }

    @Override
    public void rebind(String name, Object obj) throws NamingException {
        throw readOnly("rebind", name);
    }

    @Override
    public void rebind(Name name, Object obj) throws NamingException {
        throw readOnly("rebind", text(name));
    }

    @Override
    public void unbind(String name) throws NamingException {
        throw readOnly("unbind", name);
    }

    @Override
    public void unbind(Name name) throws NamingException {
        throw readOnly("unbind", text(name));
    }

    @Override
    public void rename(String oldName, String newName) throws NamingException {
        throw readOnly("rename", oldName);
    }

    @Override
    public void rename(Name oldName, Name newName) throws NamingException {
        throw readOnly("rename", text(oldName));
    }

    @Override
    public Context createSubcontext(String name) throws NamingException {
        throw readOnly("create the subcontext", name);
    }

    @Override
    public Context createSubcontext(Name name) throws NamingException {
        throw readOnly("create the subcontext", text(name));
    }

    @Override
    public void destroySubcontext(String name) throws NamingException {
        throw readOnly("destroy the subcontext", name);
    }

    @Override
    public void destroySubcontext(Name name) throws NamingException {
        throw readOnly("destroy the subcontext", text(name));
    }

    // ------------------------------------------------------------------ helpers

    private static String text(Name name) {
        return String.join("/", Collections.list(name.getAll()));
    }

    private NameNotFoundException notFound(String name) {
        return new NameNotFoundException("Nothing is bound to '" + name + "' (bound: " + bindings.all().keySet()
            + "). Bind it in jndi.properties with connectionFactory." + name + ", queue." + name + " or topic."
            + name + ", or look up " + ReliqInitialContextFactory.DYNAMIC_QUEUES + "<queue name> or "
            + ReliqInitialContextFactory.DYNAMIC_TOPICS + "<topic name>");
    }

    private static OperationNotSupportedException readOnly(String operation, String name) {
        return new OperationNotSupportedException("Cannot " + operation + " '" + name + "': the reliq JNDI"
            + " context is read-only. Configure its bindings in jndi.properties or the InitialContext environment"
            + " (connectionFactory.<name>, queue.<name>, topic.<name>)");
    }

    /** A NamingEnumeration over an iterator; there is nothing to close. */
    private static final class Listing<T> implements NamingEnumeration<T> {

        private final Iterator<T> iterator;

        Listing(Iterator<T> iterator) {
            this.iterator = iterator;
        }

        @Override
        public boolean hasMore() {
            return iterator.hasNext();
        }

        @Override
        public T next() {
            if (!iterator.hasNext()) {
                throw new NoSuchElementException("No more bindings");
            }
            return iterator.next();
        }

        @Override
        public boolean hasMoreElements() {
            return hasMore();
        }

        @Override
        public T nextElement() {
            return next();
        }

        @Override
        public void close() {
        }
    }
}
