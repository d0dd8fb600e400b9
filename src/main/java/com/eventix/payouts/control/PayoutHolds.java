package com.eventix.payouts.control;

import com.eventix.organizers.control.Organizers;
import com.eventix.payouts.entity.PayoutHold;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Admins hold an organizer's payouts (none is made or sent meanwhile) and release them; both audited. */
@ApplicationScoped
public class PayoutHolds {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Organizers organizers;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Holds the organizer's payouts; 409 PAYOUTS_ALREADY_HELD when they are. */
    @Transactional
    public PayoutHold hold(UUID organizerId, String reason, UUID adminId, RequestOrigin origin) {
        organizers.get(organizerId);
        if (em.find(PayoutHold.class, organizerId) != null) {
            throw new ApiException(ErrorCode.PAYOUTS_ALREADY_HELD, "This organizer's payouts are held already");
        }
        PayoutHold hold = new PayoutHold(organizerId, reason, adminId, clock.instant());
        em.persist(hold);
        audit.success(adminId, "PAYOUTS_HELD", "organizer", organizerId, origin, reason);
        return hold;
    }

    /**
     * Releases the hold; payouts held meanwhile are due at once. 409 PAYOUTS_NOT_HELD when there is none.
     */
    @Transactional
    public void release(UUID organizerId, UUID adminId, RequestOrigin origin) {
        organizers.get(organizerId);
        PayoutHold hold = em.find(PayoutHold.class, organizerId);
        if (hold == null) {
            throw new ApiException(ErrorCode.PAYOUTS_NOT_HELD, "This organizer's payouts are not held");
        }
        em.remove(hold);
        em.createNativeQuery("UPDATE payouts SET next_attempt_at = ?2 WHERE organizer_id = ?1 "
                        + "AND status IN ('SCHEDULED', 'SENDING')")
                .setParameter(1, organizerId).setParameter(2, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
        audit.success(adminId, "PAYOUTS_RELEASED", "organizer", organizerId, origin, null);
    }

    public Optional<PayoutHold> of(UUID organizerId) {
        return Optional.ofNullable(em.find(PayoutHold.class, organizerId));
    }
}
