/**
 * The PostgreSQL datasource (defined once, values from MicroProfile Config) and the Flyway migrations that own the schema; migrations run before any other startup bean.
 */
package com.eventix.platform.persistence;
