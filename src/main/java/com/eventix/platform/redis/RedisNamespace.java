package com.eventix.platform.redis;

import com.eventix.platform.persistence.DeploymentIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The prefix of every Redis key this deployment writes, so that deployments sharing one Redis (staging and
 * production, two tenants) never read each other's entries. CACHE_PREFIX sets it; by default it is "eventix:" and
 * this deployment's {@link DeploymentIdentity}, which instances sharing a database share.
 */
@ApplicationScoped
public class RedisNamespace {
    private static final Logger LOG = Logger.getLogger(RedisNamespace.class.getName());

    @Inject
    @ConfigProperty(name = "CACHE_PREFIX")
    Optional<String> configured;
    @Inject
    DeploymentIdentity identity;

    private volatile String prefix;

    /** {@code name} inside this deployment's namespace, e.g. {@code key("rl:login:1.2.3.4")}. */
    public String key(String name) {
        return prefix() + name;
    }

    public String prefix() {
        String p = prefix;
        if (p == null) {
            synchronized (this) {
                if (prefix == null) {
                    prefix = configured.filter(s -> !s.isBlank()).map(RedisNamespace::withSeparator)
                            .orElseGet(() -> "eventix:" + identity.digest() + ":");
                    LOG.info("Redis keys are prefixed with " + prefix);
                }
                p = prefix;
            }
        }
        return p;
    }

    static String withSeparator(String prefix) {
        String trimmed = prefix.trim();
        return trimmed.endsWith(":") ? trimmed : trimmed + ":";
    }
}
