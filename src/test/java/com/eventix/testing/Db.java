package com.eventix.testing;

import java.sql.SQLException;

/**
 * Direct reads and writes of the suite's database, for what no endpoint shows (inventory invariants) or for
 * moving time forward (a hold that ran out, a provider's own record).
 */
public final class Db {
    private Db() {
    }

    private static Database suite() {
        return Database.of(SuiteServices.get().database);
    }

    /** The first column of the first row of {@code sql}, whose one parameter is {@code arg}. */
    public static int integer(String sql, String arg) throws SQLException {
        return suite().integer(sql, arg);
    }

    public static int update(String sql, String... args) throws SQLException {
        return suite().update(sql, args);
    }

    /** Every row of {@code sql}, columns joined by " | ": for assertions that list what breaks a rule. */
    public static java.util.List<String> rows(String sql, String... args) throws SQLException {
        return suite().rows(sql, args);
    }

    public static int available(String tierId) throws SQLException {
        return suite().available(tierId);
    }

    /** Inventory invariant of a tier: available + active holds + tickets = total, and nothing negative. */
    public static void assertInventoryBalanced(String tierId) throws SQLException {
        suite().assertInventoryBalanced(tierId);
    }
}
