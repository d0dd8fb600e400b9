package com.eventix.platform.redis;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Settles this deployment's Redis namespace while it starts, once the schema exists: a request never pays for
 * reading the database's identity, and never does so inside a transaction that already holds a connection.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class NamespaceAtStartup {
    @Inject
    RedisNamespace namespace;

    @PostConstruct
    void settle() {
        namespace.prefix();
    }
}
