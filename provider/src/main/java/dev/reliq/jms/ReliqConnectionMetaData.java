package dev.reliq.jms;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.ConnectionMetaData;

/** What reliq supports: Jakarta Messaging 3.1, and the JMSX properties it handles. */
final class ReliqConnectionMetaData implements ConnectionMetaData {

    static final ReliqConnectionMetaData INSTANCE = new ReliqConnectionMetaData();

    /** JMSXDeliveryCount is set by reliq; the group properties are carried and selectable. */
    private static final List<String> JMSX_PROPERTIES = List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");

    private ReliqConnectionMetaData() {
    }

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return "reliq";
    }

    @Override
    public String getProviderVersion() {
        String version = ReliqConnectionMetaData.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0";
    }

    @Override
    public int getProviderMajorVersion() {
        return Integer.parseInt(getProviderVersion().split("\\.")[0]);
    }

    @Override
    public int getProviderMinorVersion() {
        String[] parts = getProviderVersion().split("[.-]");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(JMSX_PROPERTIES);
    }
}
