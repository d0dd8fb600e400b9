package com.eventix.checkin.boundary;

import com.eventix.events.control.Events;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The organizer calling a check-in endpoint about one of their own events: who acts, as events' ownership check
 * takes it (never as an admin), and from where.
 */
@RequestScoped
public class EventHost {
    /** The answer when the event is someone else's. */
    static final String FOREIGN_EVENT = "FORBIDDEN: the event belongs to another organizer";

    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    public Events.Actor actor() {
        return new Events.Actor(currentUser.id(), false, origin.get());
    }
}
