package com.eventix.events.control;

import com.eventix.events.entity.Event;
import com.eventix.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * What visitors read: event pages, listings and search results, served from {@link EventCache} when they are
 * public, from PostgreSQL otherwise (and whenever Redis is away).
 */
@ApplicationScoped
public class EventPages {
    @Inject
    Events events;
    @Inject
    EventCatalog catalog;
    @Inject
    EventCache cache;

    /** A viewer: anonymous (null id), a user, or an admin. Drafts are visible to their organizer and admins. */
    public record Viewer(UUID userId, boolean admin) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String page(UUID eventId, Viewer viewer) {
        EventCache.Lookup cached = cache.lookup("detail", eventId.toString());
        if (cached.json() != null) {
            return cached.json();
        }
        Event event = events.visible(eventId, viewer.userId(), viewer.admin());
        String json = EventCache.toJson(EventView.of(event, events.tiersOf(eventId)));
        if (event.isPublic()) {
            cached.store(json, EventCache.DETAIL_TTL);
        }
        return json;
    }

    /** Keyed on the canonical request, which is also what is queried: one key, one answer. */
    public String list(EventCatalog.Filter filter, EventCatalog.Sort sort, int page, int size) {
        Page.checkRequest(page, size);
        EventCatalog.Filter canonical = filter.canonical();
        String key = canonical.fields(new CacheKey())
                .with("sort", sort).with("page", page).with("size", size).digest();
        return cache.get("list", key, EventCache.LIST_TTL, () -> catalog.list(canonical, sort, page, size));
    }

    /** Keyed on the words searched for as the query reads them ("Jazz  fest!" and "jazz fest" are one search). */
    public String search(String q, EventCatalog.Filter filter, EventCatalog.Sort sort, int page, int size) {
        Page.checkRequest(page, size);
        EventCatalog.Filter canonical = filter.canonical();
        String key = canonical.fields(new CacheKey()).with("q", EventCatalog.toPrefixQuery(q))
                .with("sort", sort).with("page", page).with("size", size).digest();
        return cache.get("search", key, EventCache.LIST_TTL, () -> catalog.search(q, canonical, sort, page, size));
    }
}
