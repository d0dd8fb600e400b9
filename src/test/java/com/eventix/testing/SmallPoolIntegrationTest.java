package com.eventix.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Integration tests against a server with only four pooled database connections: the suite's second deployment,
 * which has a database of its own ({@link #db()}) and the demo data (see SuiteServices).
 */
public abstract class SmallPoolIntegrationTest extends HttpTest {
    @Deployment(testable = false)
    @TargetsContainer("payara-micro-other-db")
    public static WebArchive eventix() {
        return builtWar();
    }

    /** The database this server runs on. */
    protected static Database db() {
        return Database.of(services().otherDatabase);
    }
}
