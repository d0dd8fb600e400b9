package com.eventix.testing;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every integration test: the real eventix.war (as Maven built it) deployed to a Payara Micro started
 * by Arquillian, called over HTTP. One Payara Micro per test class, so classes group many tests of an area.
 */
@ExtendWith(SuiteServicesExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class IntegrationTest {
    @ArquillianResource
    protected URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive eventix() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/eventix.war"));
    }

    protected static SuiteServices services() {
        return SuiteServices.get();
    }

    private static String adminToken;
    private static URL adminTokenFor;

    /** The suite's admin, signed in once per deployment (logins are rate-limited per email). */
    protected Api admin() {
        synchronized (IntegrationTest.class) {
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
