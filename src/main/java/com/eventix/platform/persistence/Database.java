package com.eventix.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one PostgreSQL datasource, defined in the portable Jakarta EE way. Values come from MicroProfile Config
 * (environment variables DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, DB_POOL_MIN, DB_POOL_MAX; defaults in
 * microprofile-config.properties). Pool sizes use Payara's "fish.payara." pool properties, which other servers
 * ignore in favour of their own defaults.
 */
@Singleton
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "jdbc:postgresql://${MPCONFIG=DB_HOST}:${MPCONFIG=DB_PORT}/${MPCONFIG=DB_NAME}",
        user = "${MPCONFIG=DB_USER}",
        password = "${MPCONFIG=DB_PASSWORD}",
        properties = {
                "fish.payara.steady-pool-size=${MPCONFIG=DB_POOL_MIN}",
                "fish.payara.max-pool-size=${MPCONFIG=DB_POOL_MAX}",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=DB_POOL_WAIT_MILLIS}",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "tcpKeepAlive=true",
                "ApplicationName=eventix"
        })
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/eventix";
}
