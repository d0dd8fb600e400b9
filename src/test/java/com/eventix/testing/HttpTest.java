package com.eventix.testing;

import java.io.File;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What every integration test shares: the suite's services, the deployment's URL and HTTP clients for anonymous
 * users and the admin. Subclasses choose the server configuration the WAR is deployed to.
 */
@ExtendWith(SuiteServicesExtension.class)
@ExtendWith(ConcurrentArquillian.class)
@RunAsClient
@ResourceLock(value = SharedServices.SERVERS, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedServices.REDIS, mode = ResourceAccessMode.READ)
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

    /** The suite's admin, signed in once per deployment (logins are rate-limited per email). */
    private static final Map<URL, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    protected Api admin() {
        String token = ADMIN_TOKENS.computeIfAbsent(deploymentUrl,
                url -> (String) api().login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD).get("accessToken"));
        return api().as(token);
    }

    /** A client with its own (forwarded) client address. */
    protected Api api() {
        return new Api(deploymentUrl);
    }
}
