package com.eventix.events.control;

import static com.eventix.platform.persistence.NativeRows.instant;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Discovery: the public listing (PUBLISHED and ACTIVE events) with filters and sorting, and full-text search
 * ranked by PostgreSQL (title over category over description), with prefix matching on every word.
 */
@ApplicationScoped
public class EventCatalog {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    public enum Sort { START_TIME, PRICE, RELEVANCE }

    /** Listing filters; every one is optional. Price bounds match events with a tier priced within them. */
    public record Filter(String category, Instant from, Instant to, String location, BigDecimal minPrice,
                         BigDecimal maxPrice, UUID organizerId) {
        public static final Filter NONE = new Filter(null, null, null, null, null, null, null);

        /**
         * The same filter as the query matches it: category and location trimmed and case-folded (both match
         * regardless of case), blanks absent, prices without trailing zeros. Requests that must give the same
         * answer have equal canonical filters, and the query runs on this form, so a cached answer is its own.
         */
        public Filter canonical() {
            return new Filter(folded(category), from, to, folded(location), plain(minPrice), plain(maxPrice),
                    organizerId);
        }

        /** The canonical filter's fields, for a cache key (an absent one stays null, never the text "null"). */
        public CacheKey fields(CacheKey into) {
            Filter c = canonical();
            return into.with("category", c.category).with("from", c.from).with("to", c.to)
                    .with("location", c.location)
                    .with("minPrice", c.minPrice == null ? null : c.minPrice.toPlainString())
                    .with("maxPrice", c.maxPrice == null ? null : c.maxPrice.toPlainString())
                    .with("organizerId", c.organizerId);
        }

        private static String folded(String s) {
            return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
        }

        private static BigDecimal plain(BigDecimal d) {
            return d == null ? null : d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
    }

    public Page<EventSummary> list(Filter filter, Sort sort, int page, int size) {
        return query(filter, null, sort == Sort.RELEVANCE ? Sort.START_TIME : sort, page, size);
    }

    public Page<EventSummary> search(String text, Filter filter, Sort sort, int page, int size) {
        return query(filter, toPrefixQuery(text), sort, page, size);
    }

    /** "Jazz fest!" → "jazz:* & fest:*"; every word must match, as a prefix. */
    static String toPrefixQuery(String text) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group() + ":*");
        }
        if (words.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Search needs at least one word",
                    Map.of("q", "must contain a letter or digit"));
        }
        return String.join(" & ", words);
    }

    private Page<EventSummary> query(Filter f, String tsQuery, Sort sort, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE e.status IN ('PUBLISHED', 'ACTIVE') AND e.suspended_at IS NULL");
        String from = " FROM events e JOIN organizers o ON o.id = e.organizer_id";
        if (tsQuery != null) {
            // Match on all words; rank on each word's best field (the OR form has no proximity effects), so that
            // a title hit outranks a category hit, which outranks a description hit.
            params.add(tsQuery);
            params.add(tsQuery.replace(" & ", " | "));
            from += ", to_tsquery('simple', ?" + (params.size() - 1) + ") q, to_tsquery('simple', ?" + params.size()
                    + ") r";
            where.append(" AND e.search_vector @@ q");
        }
        if (f.category() != null) {
            params.add(f.category().trim().toLowerCase(Locale.ROOT));
            where.append(" AND lower(e.category) = ?").append(params.size());
        }
        if (f.from() != null) {
            params.add(f.from().atOffset(ZoneOffset.UTC));
            where.append(" AND e.start_time >= ?").append(params.size());
        }
        if (f.to() != null) {
            params.add(f.to().atOffset(ZoneOffset.UTC));
            where.append(" AND e.start_time < ?").append(params.size());
        }
        if (f.location() != null && !f.location().isBlank()) {
            params.add("%" + f.location().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" AND e.location ILIKE ?").append(params.size());
        }
        // events.min_price and max_price are the cheapest and the dearest tier (Tiers keeps them so): a tier at or
        // above minPrice exists iff max_price >= minPrice, one at or below maxPrice iff min_price <= maxPrice. Only
        // with both bounds must one tier lie within them, and only the events passing both tests are probed.
        if (f.minPrice() != null) {
            params.add(f.minPrice());
            where.append(" AND e.max_price >= ?").append(params.size());
        }
        if (f.maxPrice() != null) {
            params.add(f.maxPrice());
            where.append(" AND e.min_price <= ?").append(params.size());
        }
        if (f.minPrice() != null && f.maxPrice() != null) {
            params.add(f.minPrice());
            params.add(f.maxPrice());
            where.append(" AND EXISTS (SELECT 1 FROM ticket_tiers t WHERE t.event_id = e.id AND t.price >= ?")
                    .append(params.size() - 1).append(" AND t.price <= ?").append(params.size()).append(")");
        }
        if (f.organizerId() != null) {
            params.add(f.organizerId());
            where.append(" AND e.organizer_id = ?").append(params.size());
        }
        String order = switch (sort) {
            case PRICE -> " ORDER BY e.min_price NULLS LAST, e.start_time, e.id";
            case RELEVANCE -> tsQuery == null ? " ORDER BY e.start_time, e.id"
                    : " ORDER BY ts_rank(e.search_vector, r) DESC, e.start_time, e.id";
            default -> " ORDER BY e.start_time, e.id";
        };
        Query count = em.createNativeQuery("SELECT count(*)" + from + where);
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
        }
        if (tsQuery != null) {
            return searchPage(from, where.toString(), sort, page, size, params, count);
        }
        Query select = em.createNativeQuery("""
                SELECT e.id, e.title, e.category, e.location, e.start_time, e.end_time, e.timezone, e.currency,
                       e.min_price, e.max_price, e.banner_url, e.status, e.organizer_id, o.organization_name,
                       (SELECT COALESCE(SUM(t.available_quantity), 0) FROM ticket_tiers t WHERE t.event_id = e.id)
                """ + from + where + order + " LIMIT " + size + " OFFSET " + (long) (page - 1) * size);
        for (int i = 0; i < params.size(); i++) {
            select.setParameter(i + 1, params.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return new Page<>(rows.stream().map(EventCatalog::summary).toList(), page, size, total);
    }

    /**
     * A search page and its total in one pass over the matches: ranking must read every match anyway, so the
     * total is a window count over the same rows instead of a second scan. The inner query keeps the rows narrow
     * (the rank, not the tsvector, goes through the window and the sort); OFFSET 0 keeps it from being merged
     * into the outer ones. Only a page past the end, which has no row to carry the total, needs the count query.
     */
    private Page<EventSummary> searchPage(String from, String where, Sort sort, int page, int size, List<Object> params,
                                          Query count) {
        String matches = "SELECT e.id, e.start_time, e.min_price, "
                + (sort == Sort.RELEVANCE ? "ts_rank(e.search_vector, r)" : "NULL::real") + " AS rank"
                + from.replace(" JOIN organizers o ON o.id = e.organizer_id", "") + where + " OFFSET 0";
        String order = switch (sort) {
            case PRICE -> " ORDER BY %1$smin_price NULLS LAST, %1$sstart_time, %1$sid";
            case RELEVANCE -> " ORDER BY %1$srank DESC, %1$sstart_time, %1$sid";
            default -> " ORDER BY %1$sstart_time, %1$sid";
        };
        Query select = em.createNativeQuery("""
                SELECT e.id, e.title, e.category, e.location, e.start_time, e.end_time, e.timezone, e.currency,
                       e.min_price, e.max_price, e.banner_url, e.status, e.organizer_id, o.organization_name,
                       (SELECT COALESCE(SUM(t.available_quantity), 0) FROM ticket_tiers t WHERE t.event_id = e.id),
                       h.total
                FROM (SELECT m.id, m.start_time, m.min_price, m.rank, count(*) OVER () AS total
                      FROM (""" + matches + ") m" + order.formatted("m.") + " LIMIT " + size + " OFFSET "
                + (long) (page - 1) * size + """
                ) h JOIN events e ON e.id = h.id JOIN organizers o ON o.id = e.organizer_id""" + order.formatted("h."));
        for (int i = 0; i < params.size(); i++) {
            select.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        long total = !rows.isEmpty() ? ((Number) rows.get(0)[15]).longValue()
                : page == 1 ? 0 : ((Number) count.getSingleResult()).longValue();
        return new Page<>(rows.stream().map(EventCatalog::summary).toList(), page, size, total);
    }

    private static EventSummary summary(Object[] r) {
        long available = ((Number) r[14]).longValue();
        return new EventSummary(uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], instant(r[4]),
                instant(r[5]), (String) r[6], (String) r[7], (BigDecimal) r[8], (BigDecimal) r[9], available,
                r[8] != null && available == 0, (String) r[10], (String) r[11], uuid(r[12]), (String) r[13]);
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

}
