package com.eventix.testing;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test shares: the suite's services, the deployment's URL and HTTP clients for anonymous
 * users and the admin. Subclasses choose the server configuration the WAR is deployed to.
 */
@ExtendWith(SuiteServicesExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class HttpTest {
    @ArquillianResource
    protected URL deploymentUrl;

    /** The WAR exactly as Maven built it. */
    protected static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/eventix.war"));
    }

    protected static SuiteServices services() {
        return SuiteServices.get();
    }

    private static String adminToken;
    private static URL adminTokenFor;

    /** The suite's admin, signed in once per deployment (logins are rate-limited per email). */
    protected Api admin() {
        synchronized (HttpTest.class) {
            if (adminToken == null || !deploymentUrl.equals(adminTokenFor)) {
                adminToken = (String) api().login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD).get("accessToken");
                adminTokenFor = deploymentUrl;
            }
            return api().as(adminToken);
        }
    }

    /** A client with its own (forwarded) client address. */
    protected Api api() {
        return new Api(deploymentUrl);
    }
}
