package com.eventix.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Integration tests against a server whose banners are stored in the suite's S3-compatible server. */
public abstract class S3IntegrationTest extends HttpTest {
    @Deployment(testable = false)
    @TargetsContainer("payara-micro-s3")
    public static WebArchive eventix() {
        return builtWar();
    }
}
