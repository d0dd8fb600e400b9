package com.eventix.checkin.control;

import com.eventix.checkin.entity.ScannerDevice;
import com.eventix.events.control.Events;
import com.eventix.identity.control.Users;
import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Decides who may scan at (and read the door figures of) an event: a scanner device of that event that is not
 * revoked (its row is read on every request, so revocation takes effect at once), or the event's own organizer.
 * A device of another event is FORBIDDEN; so is anybody else.
 */
@RequestScoped
public class ScanAccess {
    @Inject
    CurrentUser currentUser;
    @Inject
    ScannerDevices devices;
    @Inject
    Events events;
    @Inject
    Users users;

    public ScanActor at(UUID eventId, RequestOrigin origin) {
        if (currentUser.hasRole(ScannerTokens.ROLE)) {
            ScannerDevice device = devices.active(currentUser.id());
            if (!device.eventId().equals(eventId)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "This scanner is for another event");
            }
            return ScanActor.device(device);
        }
        if (currentUser.hasRole("ORGANIZER")) {
            UUID userId = currentUser.id();
            CheckinLists.requireAtTheDoor(events.owned(new Events.Actor(userId, false, origin), eventId));
            User user = users.get(userId);
            return ScanActor.organizer(eventId, userId, (user.firstName() + " " + user.lastName()).trim());
        }
        throw new ApiException(ErrorCode.FORBIDDEN, "Only the event's scanners and organizer may scan");
    }
}
