package com.eventix.events.control;

import com.eventix.events.control.banners.BannerImage;
import com.eventix.events.control.banners.BannerImages;
import com.eventix.events.control.banners.BannerStorage;
import com.eventix.events.control.banners.StoredBanner;
import com.eventix.events.entity.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replacing an event's banner: the image is checked, stored under a new key, shown on the event, and only then
 * is the previous object deleted. A failure on the way deletes what was just stored, so storage and database
 * never disagree for long.
 */
@ApplicationScoped
public class Banners {
    private static final Logger LOG = Logger.getLogger(Banners.class.getName());

    @Inject
    BannerImages images;
    @Inject
    BannerStorage storage;
    @Inject
    Events events;

    public Event replace(Events.Actor actor, UUID eventId, String contentType, byte[] bytes) {
        events.owned(actor, eventId).checkTiersEditable();
        BannerImage image = images.validate(contentType, bytes);
        StoredBanner stored = storage.store(eventId, image);
        String previous;
        try {
            previous = events.showBanner(actor, eventId, stored.url(), stored.key());
        } catch (RuntimeException e) {
            deleteQuietly(stored.key());
            throw e;
        }
        if (previous != null) {
            deleteQuietly(previous);
        }
        return events.visible(eventId, actor.userId(), actor.admin());
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete banner " + key + "; it stays as an orphan", e);
        }
    }
}
