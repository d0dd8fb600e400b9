/**
 * The PostgreSQL datasource (defined once, values from MicroProfile Config) and the Flyway migrations that own the schema; migrations run before any other startup bean. {@code Paging} reads one page of a JPQL query with its total.
 */
package com.eventix.platform.persistence;
