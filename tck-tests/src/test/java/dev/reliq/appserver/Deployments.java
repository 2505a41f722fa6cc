package dev.reliq.appserver;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the application-server tests deploy: the real reliq-ra.rar from the build, and
 * WARs whose descriptors carry what a user would configure, pointed at the suite's Redis: the
 * beans' activation config ({@code url}) in ejb-jar.xml, the pooled connection factory as a
 * {@code connection-factory} in web.xml, and GlassFish's binding of the beans to the adapter.
 */
final class Deployments {

    static final String ADAPTER = "reliq-ra";

    private Deployments() {
    }

    static ResourceAdapterArchive resourceAdapter() {
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, new File(System.getProperty("reliq.rar")));
    }

    static WebArchive application(String name, Class<?>... classes) {
        String url = AppServerRedis.uri();
        StringBuilder beans = new StringBuilder();
        StringBuilder glassfishBeans = new StringBuilder();
        for (Class<?> c : classes) {
            jakarta.ejb.MessageDriven mdb = c.getAnnotation(jakarta.ejb.MessageDriven.class);
            if (mdb != null) {
                beans.append("<message-driven><ejb-name>").append(mdb.name()).append("</ejb-name>")
                    .append("<activation-config><activation-config-property>")
                    .append("<activation-config-property-name>url</activation-config-property-name>")
                    .append("<activation-config-property-value>").append(xml(url))
                    .append("</activation-config-property-value></activation-config-property></activation-config>")
                    .append("</message-driven>\n");
                glassfishBeans.append("<ejb><ejb-name>").append(mdb.name()).append("</ejb-name>")
                    .append("<mdb-resource-adapter><resource-adapter-mid>").append(ADAPTER)
                    .append("</resource-adapter-mid></mdb-resource-adapter></ejb>\n");
            }
        }
        String ejbJar = """
            <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
              <enterprise-beans>
            %s  </enterprise-beans>
            </ejb-jar>
            """.formatted(beans);
        String glassfishEjbJar = """
            <!DOCTYPE glassfish-ejb-jar PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 EJB 3.1//EN" "http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd">
            <glassfish-ejb-jar><enterprise-beans>
            %s</enterprise-beans></glassfish-ejb-jar>
            """.formatted(glassfishBeans);
        String webXml = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <connection-factory>
                <name>%s</name>
                <interface-name>jakarta.jms.ConnectionFactory</interface-name>
                <resource-adapter>%s</resource-adapter>
                <transaction-support>XATransaction</transaction-support>
                <property><name>url</name><value>%s</value></property>
              </connection-factory>
              <administered-object>
                <name>%s</name>
                <interface-name>jakarta.jms.Queue</interface-name>
                <class-name>dev.reliq.ra.QueueAdminObject</class-name>
                <resource-adapter>%s</resource-adapter>
                <property><name>name</name><value>%s</value></property>
              </administered-object>
            </web-app>
            """.formatted(dev.reliq.appserver.app.Names.CONNECTION_FACTORY, ADAPTER, xml(url),
                dev.reliq.appserver.app.Names.OUT_QUEUE_LOOKUP, ADAPTER, dev.reliq.appserver.app.Names.OUT);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
            .addClasses(classes)
            .addClass(dev.reliq.appserver.app.Names.class)
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsWebInfResource(new StringAsset(ejbJar), "ejb-jar.xml")
            .addAsWebInfResource(new StringAsset(webXml), "web.xml")
            .addAsWebInfResource(new StringAsset(glassfishEjbJar), "glassfish-ejb-jar.xml")
            // WildFly: a standalone adapter's classes are visible to an application that asks for them,
            // which the connection-factory definition needs (WildFly starts an adapter instance for it)
            .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment." + ADAPTER + ".rar\n"));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
