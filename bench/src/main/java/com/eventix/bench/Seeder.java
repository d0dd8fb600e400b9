package com.eventix.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Seeds directly with SQL, into the schema the server's Flyway migrations created. The organizer every seeded
 * event belongs to (a users row and a VERIFIED organizers row); the catalogue (events made with INSERT ... SELECT
 * FROM generate_series from {@link Vocabulary}, each with 1 to 3 ticket tiers, and events.min_price/max_price set
 * to match the tiers; deterministic for a given seed: setseed, no parallel workers); attendees (users rows, which
 * holds refer to); and single events on sale with one tier, for the flash sale.
 */
final class Seeder {
    record Result(int events, int tiers, long millis, String eventsSize, String searchIndexSize) {
    }

    private Seeder() {
    }

    static Result seed(Connection c, int events, double seed) throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            s.execute("SET LOCAL work_mem = '64MB'");
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            UUID organizerId = organizer(c);
            s.execute("SELECT setseed(" + seed + ")");
            s.execute(seedTableSql(events));
            s.execute("INSERT INTO events (id, organizer_id, title, description, category, location, start_time, "
                    + "end_time, timezone, venue_capacity, currency, status, min_price, max_price, created_at, "
                    + "updated_at) SELECT id, '" + organizerId + "', title, description, category, location, "
                    + "start_time, end_time, 'UTC', capacity, currency, status, round(base_price * "
                    + multipliers("1") + ", 2), round(base_price * " + multipliers("tiers") + ", 2), created_at, "
                    + "created_at FROM bench_seed ORDER BY g");
            s.execute("INSERT INTO ticket_tiers (id, event_id, tier_name, description, price, total_quantity, "
                    + "available_quantity, max_per_order, created_at, updated_at) "
                    + "SELECT gen_random_uuid(), b.id, " + array(Vocabulary.TIER_NAMES) + "[k], NULL, "
                    + "round(b.base_price * " + multipliers("k") + ", 2), q.total, "
                    + "CASE WHEN b.sold_out THEN 0 ELSE greatest(1, floor(q.total * b.left_ratio))::int END, 10, "
                    + "b.created_at, b.created_at "
                    + "FROM bench_seed b CROSS JOIN LATERAL generate_series(1, b.tiers) k "
                    + "CROSS JOIN LATERAL (SELECT greatest(10, b.capacity / (b.tiers * k)) AS total) q");
            s.execute("DROP TABLE bench_seed");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            // The steady state autovacuum would reach: statistics, visibility map, GIN pending list merged.
            s.execute("VACUUM (ANALYZE) users, organizers, events, ticket_tiers");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM ticket_tiers), "
                     + "pg_size_pretty(pg_total_relation_size('events')), "
                     + "pg_size_pretty(pg_relation_size('events_search_idx'))")) {
            rs.next();
            return new Result(rs.getInt(1), rs.getInt(2), millis, rs.getString(3), rs.getString(4));
        }
    }

    /** The benchmark's organizer (created once per database): a users row and a VERIFIED organizers row. */
    static UUID organizer(Connection c) throws SQLException {
        UUID userId = UUID.nameUUIDFromBytes("bench-organizer-user".getBytes());
        UUID organizerId = UUID.nameUUIDFromBytes("bench-organizer".getBytes());
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, email, first_name, last_name, role) VALUES ('" + userId
                    + "', 'bench-organizer@eventix.bench', 'Bench', 'Organizer', 'ORGANIZER') ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO organizers (id, user_id, organization_name, description, contact_email, "
                    + "verification_status, verified_at) VALUES ('" + organizerId + "', '" + userId
                    + "', 'Bench Promotions', 'Organizer of the benchmark catalogue', 'bench-organizer@eventix.bench', "
                    + "'VERIFIED', now()) ON CONFLICT DO NOTHING");
        }
        return organizerId;
    }

    /** An attendee of the benchmark: what a token's subject names. */
    record Attendee(UUID id, String email) {
    }

    /** {@code count} ACTIVE attendees (users rows with role ATTENDEE), bench-user-N@eventix.bench. */
    static List<Attendee> attendees(Connection c, int count) throws SQLException {
        List<Attendee> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, email, first_name, last_name, role) "
                + "SELECT gen_random_uuid(), 'bench-user-' || g || '@eventix.bench', 'Bench', 'User ' || g, 'ATTENDEE' "
                + "FROM generate_series(1, ?) g RETURNING id, email")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(new Attendee(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
        }
        return users;
    }

    /**
     * A PUBLISHED event starting in 30 days with one tier of {@code quantity} tickets at 50.00 USD, on sale now
     * (no sale window of its own: open until the event ends). Returns the tier's id.
     */
    static UUID saleTier(Connection c, String title, int quantity) throws SQLException {
        UUID organizerId = organizer(c);
        UUID eventId = UUID.randomUUID();
        UUID tierId = UUID.randomUUID();
        try (PreparedStatement e = c.prepareStatement("INSERT INTO events (id, organizer_id, title, description, "
                + "category, location, start_time, end_time, timezone, venue_capacity, currency, status, min_price, "
                + "max_price) VALUES (?, ?, ?, 'A benchmark sale', 'music', 'Bench Arena, Accra', "
                + "now() + interval '30 days', now() + interval '30 days 4 hours', 'UTC', ?, 'USD', 'PUBLISHED', "
                + "50.00, 50.00)");
             PreparedStatement t = c.prepareStatement("INSERT INTO ticket_tiers (id, event_id, tier_name, price, "
                     + "total_quantity, available_quantity, max_per_order) VALUES (?, ?, 'General admission', 50.00, "
                     + "?, ?, 10)")) {
            e.setObject(1, eventId);
            e.setObject(2, organizerId);
            e.setString(3, title);
            e.setInt(4, quantity);
            e.executeUpdate();
            t.setObject(1, tierId);
            t.setObject(2, eventId);
            t.setInt(3, quantity);
            t.setInt(4, quantity);
            t.executeUpdate();
        }
        return tierId;
    }

    /**
     * bench_seed: one row per event with every attribute decided, so that the events and their tiers agree.
     * Random draws first (inner query), then the words they pick (outer query).
     */
    private static String seedTableSql(int events) {
        List<Vocabulary.Category> cats = Vocabulary.CATEGORIES;
        List<String> subjects = new ArrayList<>();
        List<String> nouns = new ArrayList<>();
        List<Integer> subjectFrom = new ArrayList<>();
        List<Integer> subjectCount = new ArrayList<>();
        List<Integer> nounFrom = new ArrayList<>();
        List<Integer> nounCount = new ArrayList<>();
        for (Vocabulary.Category cat : cats) {
            subjectFrom.add(subjects.size() + 1);
            subjectCount.add(cat.subjects().size());
            subjects.addAll(cat.subjects());
            nounFrom.add(nouns.size() + 1);
            nounCount.add(cat.nouns().size());
            nouns.addAll(cat.nouns());
        }
        String subject = "subject";
        String draws = "SELECT g, " + intArray(Vocabulary.weightedCategoryNumbers()) + "[1 + floor(random() * "
                + Vocabulary.weightedCategoryNumbers().size() + ")::int] AS k, "
                + List.of("adj", "subj", "subj2", "subj3", "noun", "city", "vname", "vtype", "d1", "d2", "d3", "tpl",
                        "shape", "status", "start", "dur", "tiers", "price", "free", "cap", "cur", "sold", "left_",
                        "created").stream().map(n -> "random() AS r_" + n).collect(Collectors.joining(", "))
                + " FROM generate_series(1, " + events + ") g";
        String words = "SELECT d.*, "
                + array(cats.stream().map(Vocabulary.Category::name).toList()) + "[k] AS category, "
                + pick(Vocabulary.ADJECTIVES, "r_adj") + " AS adj, "
                + pickIn(subjects, subjectFrom, subjectCount, "r_subj") + " AS " + subject + ", "
                + pickIn(subjects, subjectFrom, subjectCount, "r_subj2") + " AS subject2, "
                + pickIn(subjects, subjectFrom, subjectCount, "r_subj3") + " AS subject3, "
                + pickIn(nouns, nounFrom, nounCount, "r_noun") + " AS noun, "
                + pick(Vocabulary.CITIES, "r_city") + " AS city, "
                + pick(Vocabulary.VENUE_NAMES, "r_vname") + " || ' ' || " + pick(Vocabulary.VENUE_TYPES, "r_vtype")
                + " AS venue, "
                + pick(Vocabulary.DESCRIPTION_WORDS, "r_d1") + " AS d1, "
                + pick(Vocabulary.DESCRIPTION_WORDS, "r_d2") + " AS d2, "
                + pick(Vocabulary.DESCRIPTION_WORDS, "r_d3") + " AS d3, "
                + "CASE WHEN r_status < 0.85 THEN 'PUBLISHED' WHEN r_status < 0.90 THEN 'ACTIVE' "
                + "WHEN r_status < 0.94 THEN 'DRAFT' WHEN r_status < 0.97 THEN 'CANCELLED' ELSE 'COMPLETED' END AS status "
                + "FROM (" + draws + ") d";
        // Titles: "Golden Jazz Festival", "Accra Jazz Festival", "Jazz Festival: Summer Soul",
        // "The Neon Techno Night at Harbour Arena".
        String title = "initcap(CASE WHEN r_shape < 0.35 THEN adj || ' ' || subject || ' ' || noun "
                + "WHEN r_shape < 0.60 THEN city || ' ' || subject || ' ' || noun "
                + "WHEN r_shape < 0.80 THEN subject || ' ' || noun || ': ' || adj || ' ' || subject2 "
                + "ELSE 'the ' || adj || ' ' || subject || ' ' || noun || ' at ' || venue END)";
        String description = "format(" + array(List.of(
                "A %1$s evening of %2$s and %6$s at the %4$s in %5$s. Expect %8$s, %9$s and %10$s.",
                "The %3$s returns to %5$s: %2$s, %6$s and %7$s on one bill. %8$s, %9$s and %10$s.",
                "Join the %2$s community of %5$s at the %4$s for a %1$s %3$s with %8$s and %9$s. Also %10$s.",
                "%2$s meets %7$s: a %1$s %3$s with %10$s, %8$s and %9$s at the %4$s, %5$s.")) + "[1 + floor(r_tpl * 4)::int], "
                + "adj, subject, noun, initcap(venue), initcap(city), subject2, subject3, d1, d2, d3)";
        String start = "CASE status "
                + "WHEN 'ACTIVE' THEN now() - r_start * interval '6 hours' "
                + "WHEN 'COMPLETED' THEN now() - interval '2 days' - r_start * interval '60 days' "
                + "ELSE date_trunc('hour', now()) + interval '2 hours' + floor(r_start * 365 * 48) * interval '30 minutes' "
                + "END";
        return "CREATE TEMP TABLE bench_seed AS SELECT g, gen_random_uuid() AS id, category, status, "
                + title + " AS title, " + description + " AS description, "
                + "initcap(venue) || ', ' || initcap(city) AS location, "
                + "st AS start_time, "
                + "CASE status WHEN 'ACTIVE' THEN now() + interval '1 day' + r_dur * interval '2 days' "
                + "ELSE st + (2 + floor(r_dur * 8)) * interval '1 hour' END AS end_time, "
                + "100 + floor(r_cap * r_cap * 49900)::int AS capacity, "
                + "CASE WHEN r_cur < 0.70 THEN 'USD' WHEN r_cur < 0.85 THEN 'EUR' WHEN r_cur < 0.95 THEN 'GBP' "
                + "ELSE 'GHS' END AS currency, "
                + "1 + floor(r_tiers * 3)::int AS tiers, "
                + "CASE WHEN r_free < 0.04 THEN 0 ELSE round((5 + r_price * r_price * 195)::numeric, 0) END AS base_price, "
                + "r_sold < 0.05 AS sold_out, 0.1 + 0.9 * r_left_ AS left_ratio, "
                + "now() - r_created * interval '90 days' AS created_at "
                + "FROM (" + words + ") w CROSS JOIN LATERAL (SELECT " + start + " AS st) s";
    }

    /** Price multiplier of the tier at position {@code position} (1-based): 1, 1.8, 3.5. */
    private static String multipliers(String position) {
        return "(ARRAY[1, 1.8, 3.5]::numeric[])[" + position + "]";
    }

    private static String pick(List<String> words, String random) {
        return array(words) + "[1 + floor(" + random + " * " + words.size() + ")::int]";
    }

    /** A word of the current category's slice of {@code words}. */
    private static String pickIn(List<String> words, List<Integer> from, List<Integer> count, String random) {
        return array(words) + "[" + intArray(from) + "[k] + floor(" + random + " * " + intArray(count) + "[k])::int]";
    }

    private static String array(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "''") + "'")
                .collect(Collectors.joining(",", "(ARRAY[", "]::text[])"));
    }

    private static String intArray(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(",", "(ARRAY[", "]::int[])"));
    }

    /** Quick sanity facts about the seeded catalogue, for the report. */
    static List<String> facts(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, count(*) FROM events GROUP BY status ORDER BY count(*) DESC");
             ResultSet rs = ps.executeQuery()) {
            StringBuilder b = new StringBuilder("statuses:");
            while (rs.next()) {
                b.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
            }
            lines.add(b.toString());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT category, count(*) FROM events GROUP BY category ORDER BY count(*) DESC");
             ResultSet rs = ps.executeQuery()) {
            StringBuilder b = new StringBuilder("categories:");
            while (rs.next()) {
                b.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
            }
            lines.add(b.toString());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT title, location, min_price, max_price, status FROM events ORDER BY id LIMIT 3");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add("sample: \"" + rs.getString(1) + "\" at " + rs.getString(2) + ", " + rs.getBigDecimal(3)
                        + "-" + rs.getBigDecimal(4) + ", " + rs.getString(5));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ts_stat('SELECT search_vector FROM events')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            lines.add("distinct lexemes in events.search_vector: " + rs.getLong(1));
        }
        return lines;
    }
}
