package com.eventix.events.control;

import com.eventix.events.entity.Event;
import com.eventix.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
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
    public Object page(UUID eventId, Viewer viewer) {
        EventCache.Lookup cached = cache.lookup("detail", eventId.toString());
        if (cached.value() != null) {
            return cached.value();
        }
        Event event = events.visible(eventId, viewer.userId(), viewer.admin());
        EventView view = EventView.of(event, events.tiersOf(eventId));
        if (event.isPublic()) {
            cached.store(view, EventCache.DETAIL_TTL);
        }
        return view;
    }

    public JsonValue list(EventCatalog.Filter filter, EventCatalog.Sort sort, int page, int size) {
        Page.checkRequest(page, size);
        String key = "list|" + filter + "|" + sort + "|" + page + "|" + size;
        return cache.get("list", key, EventCache.LIST_TTL, () -> catalog.list(filter, sort, page, size));
    }

    public JsonValue search(String q, EventCatalog.Filter filter, EventCatalog.Sort sort, int page, int size) {
        Page.checkRequest(page, size);
        String key = "search|" + q + "|" + filter + "|" + sort + "|" + page + "|" + size;
        return cache.get("search", key, EventCache.LIST_TTL, () -> catalog.search(q, filter, sort, page, size));
    }
}
