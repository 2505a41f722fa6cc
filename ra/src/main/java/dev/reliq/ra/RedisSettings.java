package dev.reliq.ra;

import dev.reliq.jms.ReliqConnectionFactory;

/**
 * Where a connection goes: the Redis URL (every reliq option can ride on it) and an optional
 * ACL user and password. Settings left unset fall back to the resource adapter's.
 */
record RedisSettings(String url, String user, String password) {

    static final String DEFAULT_URL = ReliqConnectionFactory.DEFAULT_URL;

    /** These settings, with the gaps filled from {@code fallback}. */
    RedisSettings orElse(RedisSettings fallback) {
        if (fallback == null) {
            return this;
        }
        return new RedisSettings(url != null ? url : fallback.url, user != null ? user : fallback.user,
            password != null ? password : fallback.password);
    }

    /** A plain reliq connection factory for these settings. */
    ReliqConnectionFactory connectionFactory() {
        ReliqConnectionFactory factory = new ReliqConnectionFactory(url != null ? url : DEFAULT_URL);
        if (user != null) {
            factory.setUser(user);
        }
        if (password != null) {
            factory.setPassword(password);
        }
        return factory;
    }

    @Override
    public String toString() {
        return "RedisSettings[url=" + RedactedUrl.of(url) + ", user=" + user + "]";
    }
}
