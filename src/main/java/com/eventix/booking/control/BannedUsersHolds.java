package com.eventix.booking.control;

import com.eventix.identity.control.UserBanned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A banned user's holds go back on sale right after the ban commits; their orders, left without holds, are closed by
 * the next sweep. Should this fail, the holds simply run out as usual.
 */
@ApplicationScoped
public class BannedUsersHolds {
    private static final Logger LOG = Logger.getLogger(BannedUsersHolds.class.getName());
    private static final int BATCH = 500;

    @Inject
    HoldExpiry holds;
    @Inject
    Clock clock;

    void onBanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserBanned banned) {
        try {
            int released;
            do {
                released = holds.releaseOfUser(banned.userId(), clock.instant(), BATCH);
            } while (released == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release the holds of banned user " + banned.userId()
                    + "; they run out as usual", e);
        }
    }
}
