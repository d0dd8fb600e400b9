package com.eventix.testing;

import java.util.concurrent.locks.ReentrantLock;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.api.event.ManagerStarted;
import org.jboss.arquillian.core.spi.context.ApplicationContext;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Arquillian's JUnit 5 extension for test classes that may run at the same time (JUnit's
 * {@code @Execution(CONCURRENT)}), all of them client-side tests of deployments that are never tested in-container.
 * Arquillian's event bus is single-threaded: its contexts are activated per thread and its stores are plain maps. So
 * its lifecycle events (deploying before a class, enriching a test instance with deployment URLs, undeploying after)
 * go through it one at a time, on whichever thread runs the class, with its application context made active there;
 * the test bodies, which only call the deployments over HTTP, run as JUnit calls them, on their own threads,
 * without Arquillian's test event (which this extension does not pass on: a client-side test needs nothing of it).
 */
public class ConcurrentArquillian implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final ArquillianExtension ARQUILLIAN = new ArquillianExtension();
    /** One Arquillian event at a time. */
    private static final ReentrantLock EVENTS = new ReentrantLock();
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ConcurrentArquillian.class);
    private static volatile ApplicationContext applicationContext;

    /** Captures Arquillian's application context when its manager starts, to make it active on other threads. */
    public static class Capture {
        @Inject
        private Instance<ApplicationContext> context;

        public void started(@Observes ManagerStarted event) {
            applicationContext = context.get();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        inTurn(() -> ARQUILLIAN.beforeAll(context));
        // Arquillian's manager (in the root store since the first class) shuts down when the run ends, on the thread
        // that ends it: this resource, stored after it and so closed before it, makes the context active there.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("activate-at-end",
                key -> (ExtensionContext.Store.CloseableResource) ConcurrentArquillian::activateHere);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        inTurn(() -> ARQUILLIAN.afterAll(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        inTurn(() -> ARQUILLIAN.beforeEach(context));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        inTurn(() -> ARQUILLIAN.afterEach(context));
    }

    private static void inTurn(Step step) throws Exception {
        EVENTS.lock();
        try {
            activateHere();
            step.run();
        } finally {
            EVENTS.unlock();
        }
    }

    private static void activateHere() {
        ApplicationContext context = applicationContext;
        if (context != null && !context.isActive()) {
            context.activate();
        }
    }
}
