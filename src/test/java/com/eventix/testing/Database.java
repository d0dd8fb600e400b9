package com.eventix.testing;

import com.eventix.devserver.PostgresProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct reads and writes of one database, for what no endpoint shows (inventory invariants) or for moving time
 * forward (a hold that ran out, a provider's own record). {@link Db} is the suite's shared database.
 */
public final class Database {
    private final PostgresProvider database;

    private Database(PostgresProvider database) {
        this.database = database;
    }

    public static Database of(PostgresProvider database) {
        return new Database(database);
    }

    /** The first column of the first row of {@code sql}, whose one parameter is {@code arg}. */
    public int integer(String sql, String arg) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql + " with " + arg);
                }
                return rs.getInt(1);
            }
        }
    }

    public int update(String sql, String... args) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Every row of {@code sql}, columns joined by " | ": for assertions that list what breaks a rule. */
    public java.util.List<String> rows(String sql, String... args) throws SQLException {
        java.util.List<String> found = new java.util.ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.append(col > 1 ? " | " : "").append(rs.getString(col));
                    }
                    found.add(row.toString());
                }
            }
        }
        return found;
    }

    public int available(String tierId) throws SQLException {
        return integer("SELECT available_quantity FROM ticket_tiers WHERE id = ?::uuid", tierId);
    }

    /** Inventory invariant of a tier: available + active holds + tickets = total, and nothing negative. */
    public void assertInventoryBalanced(String tierId) throws SQLException {
        int total = integer("SELECT total_quantity FROM ticket_tiers WHERE id = ?::uuid", tierId);
        int available = available(tierId);
        int held = integer("SELECT COALESCE(SUM(quantity), 0) FROM reservations WHERE tier_id = ?::uuid "
                + "AND status = 'ACTIVE'", tierId);
        int tickets = integer("SELECT count(*) FROM tickets WHERE tier_id = ?::uuid", tierId);
        if (available < 0 || available + held + tickets != total) {
            throw new AssertionError("tier " + tierId + ": available " + available + " + held " + held + " + tickets "
                    + tickets + " != total " + total);
        }
    }
}
