package com.eventix.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Integration tests against a server with only four pooled database connections (see SuiteServices). */
public abstract class SmallPoolIntegrationTest extends HttpTest {
    @Deployment(testable = false)
    @TargetsContainer("payara-micro-small-pool")
    public static WebArchive eventix() {
        return builtWar();
    }
}
