package com.eventix.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Base of most integration tests: the real eventix.war deployed to a Payara Micro started by Arquillian with the
 * suite's default settings, called over HTTP. Classes share one running server (see SharedPayaraMicro).
 */
public abstract class IntegrationTest extends HttpTest {
    @Deployment(testable = false)
    public static WebArchive eventix() {
        return builtWar();
    }
}
