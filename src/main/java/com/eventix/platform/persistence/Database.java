package com.eventix.platform.persistence;

/**
 * The one PostgreSQL datasource. It is a server resource, defined once in payara-config/boot-commands.asadmin
 * (pool sizes and connection settings from DB_* environment variables), so operators size and point it
 * without rebuilding; on another Jakarta EE server, define a DataSource under this name.
 */
public final class Database {
    public static final String JNDI_NAME = "jdbc/eventix";

    private Database() {
    }
}
