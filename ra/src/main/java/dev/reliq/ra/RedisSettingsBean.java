package dev.reliq.ra;

import java.io.Serializable;
import java.util.Objects;

/**
 * The Redis settings the resource adapter and its connection factories are configured with, as
 * JavaBean properties: {@code url} (any reliq option may ride on it), {@code user} and
 * {@code password}. Blank values count as unset.
 */
public abstract class RedisSettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private String url;
    private String user;
    private String password;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null || url.isBlank() ? null : url.trim();
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user == null || user.isBlank() ? null : user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }

    /** These properties as settings, unset ones left null. */
    RedisSettings ownSettings() {
        return new RedisSettings(url, user, password);
    }

    /** JCA asks adapters and factories for value equality over their configuration. */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ownSettings().equals(((RedisSettingsBean) o).ownSettings());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), url, user);
    }
}
