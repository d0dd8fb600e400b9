package com.eventix.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Who this deployment is, as a short digest: the row drawn once by the migrations in the {@code deployment} table,
 * the database's name and, where the server lets us read it, the cluster's system identifier (so that a copy of the
 * database restored elsewhere is another deployment). Instances sharing a database share it; deployments sharing a
 * Redis or a broker (staging and production, two tenants) keep apart by it. Read once while starting, so no
 * request pays for it and none reads it inside a transaction that already holds a connection.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeploymentIdentity {
    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private String digest;

    @PostConstruct
    void read() {
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
            digest = digest(identity);
        } catch (SQLException e) {
            // Failing beats sharing another deployment's cache or queues.
            throw new IllegalStateException("Cannot read this deployment's identity", e);
        }
    }

    /** Sixteen hex digits naming this deployment. */
    public String digest() {
        return digest;
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
