package dev.reliq.ra;

import jakarta.resource.spi.ConnectionRequestInfo;

/** The credentials an application passed to {@code createConnection(user, password)}. */
record ReliqConnectionRequestInfo(String user, String password) implements ConnectionRequestInfo {

    @Override
    public String toString() {
        return "ReliqConnectionRequestInfo[user=" + user + "]";
    }
}
