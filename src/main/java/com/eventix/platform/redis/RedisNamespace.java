package com.eventix.platform.redis;

import com.eventix.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The prefix of every Redis key this deployment writes, so that deployments sharing one Redis (staging and
 * production, two tenants) never read each other's entries. CACHE_PREFIX sets it; by default it is derived from
 * the database this deployment runs on: the row drawn once by the migrations in the {@code deployment} table,
 * the database's name and, where the server lets us read it, the cluster's system identifier (so that a copy of
 * the database restored elsewhere gets a namespace of its own too). Instances sharing a database share it.
 */
@ApplicationScoped
public class RedisNamespace {
    private static final Logger LOG = Logger.getLogger(RedisNamespace.class.getName());

    @Inject
    @ConfigProperty(name = "CACHE_PREFIX")
    Optional<String> configured;
    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

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
                            .orElseGet(this::derived);
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

    /** "eventix:" and a digest of the database's identity; fails (rather than share a namespace) without one. */
    private String derived() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String identity;
            boolean clusterReadable;
            // The privilege is asked first: a refused call would abort a transaction the connection may be part of.
            try (ResultSet rs = s.executeQuery("SELECT id::text || '|' || current_database(), "
                    + "has_function_privilege('pg_control_system()', 'EXECUTE') FROM deployment")) {
                rs.next();
                identity = rs.getString(1);
                clusterReadable = rs.getBoolean(2);
            }
            if (clusterReadable) {
                try (ResultSet rs = s.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
                    identity += rs.next() ? "|" + rs.getString(1) : "";
                }
            }
            return "eventix:" + digest(identity) + ":";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read this deployment's identity for its Redis namespace", e);
        }
    }

    static String digest(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
