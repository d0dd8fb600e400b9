package com.eventix.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Whether the application has finished starting. Readiness is asked from the first second of a boot (load balancers,
 * orchestrators, the launchers), before the application's configuration can be read: the checks that need it answer
 * "starting" until then instead of failing with a stack trace in the log.
 */
@ApplicationScoped
public class Started {
    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        started = true;
    }

    boolean yet() {
        return started;
    }
}
