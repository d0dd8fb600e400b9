package com.eventix.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL the server runs for GET /api/v1/events/search, built exactly as EventCatalog builds it (one windowed
 * page query carrying the total; the count query only for a page past the end), with the same parameters in the
 * same order. Only the filters the benchmark uses (q,
 * category, price range, sort, page, size) are reproduced. Positional parameters are plain '?' here: EclipseLink
 * turns EventCatalog's '?1', '?2', ... into those before the driver sees them.
 */
final class SearchSql {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;

    record Statement(String countSql, String selectSql, List<Object> params) {
    }

    private SearchSql() {
    }

    /** EventCatalog.toPrefixQuery: "Jazz fest!" -> "jazz:* & fest:*". */
    static String toPrefixQuery(String text) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group() + ":*");
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("Search needs at least one word");
        }
        return String.join(" & ", words);
    }

    static Statement of(SearchQuery query) {
        String tsQuery = toPrefixQuery(query.q());
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE e.status IN ('PUBLISHED', 'ACTIVE')");
        String from = " FROM events e JOIN organizers o ON o.id = e.organizer_id";
        params.add(tsQuery);
        params.add(tsQuery.replace(" & ", " | "));
        from += ", to_tsquery('simple', ?) q, to_tsquery('simple', ?) r";
        where.append(" AND e.search_vector @@ q");
        if (query.category() != null) {
            params.add(query.category().trim().toLowerCase(Locale.ROOT));
            where.append(" AND lower(e.category) = ?");
        }
        if (query.minPrice() != null) {
            params.add(query.minPrice());
            where.append(" AND e.max_price >= ?");
        }
        if (query.maxPrice() != null) {
            params.add(query.maxPrice());
            where.append(" AND e.min_price <= ?");
        }
        if (query.minPrice() != null && query.maxPrice() != null) {
            params.add(query.minPrice());
            params.add(query.maxPrice());
            where.append(" AND EXISTS (SELECT 1 FROM ticket_tiers t WHERE t.event_id = e.id AND t.price >= ? "
                    + "AND t.price <= ?)");
        }
        String count = "SELECT count(*)" + from + where;
        String matches = "SELECT e.id, e.start_time, e.min_price, "
                + (query.sortByStartTime() ? "NULL::real" : "ts_rank(e.search_vector, r)") + " AS rank"
                + from.replace(" JOIN organizers o ON o.id = e.organizer_id", "") + where + " OFFSET 0";
        String order = query.sortByStartTime() ? " ORDER BY %1$sstart_time, %1$sid"
                : " ORDER BY %1$srank DESC, %1$sstart_time, %1$sid";
        String select = """
                SELECT e.id, e.title, e.category, e.location, e.start_time, e.end_time, e.timezone, e.currency,
                       e.min_price, e.max_price, e.banner_url, e.status, e.organizer_id, o.organization_name,
                       (SELECT COALESCE(SUM(t.available_quantity), 0) FROM ticket_tiers t WHERE t.event_id = e.id),
                       h.total
                FROM (SELECT m.id, m.start_time, m.min_price, m.rank, count(*) OVER () AS total
                      FROM (""" + matches + ") m" + order.formatted("m.") + " LIMIT " + query.size() + " OFFSET "
                + (long) (query.page() - 1) * query.size()
                + ") h JOIN events e ON e.id = h.id JOIN organizers o ON o.id = e.organizer_id" + order.formatted("h.");
        return new Statement(count, select, params);
    }

    /** The statement with its parameters written in as literals, for EXPLAIN output a reader can rerun in psql. */
    static String inline(String sql, List<Object> params) {
        StringBuilder b = new StringBuilder();
        int p = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?' && p < params.size()) {
                Object v = params.get(p++);
                b.append(v instanceof BigDecimal ? v.toString() : "'" + v.toString().replace("'", "''") + "'");
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
