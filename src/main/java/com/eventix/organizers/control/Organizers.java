package com.eventix.organizers.control;

import com.eventix.identity.control.Accounts;
import com.eventix.identity.entity.Role;
import com.eventix.organizers.entity.Organizer;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organizer applications and their verification by admins. */
@ApplicationScoped
public class Organizers {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Accounts accounts;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** An attendee applies (or, after a rejection, applies again). */
    @Transactional
    public Organizer apply(UUID userId, Organizer.Profile profile, RequestOrigin origin) {
        Optional<Organizer> existing = ofUser(userId);
        Organizer organizer;
        if (existing.isPresent()) {
            organizer = existing.get();
            organizer.reapply(profile, clock.instant());
        } else {
            organizer = new Organizer(userId, profile, clock.instant());
            em.persist(organizer);
            em.flush();
        }
        audit.success(userId, "ORGANIZER_APPLIED", "organizer", organizer.id(), origin, profile.organizationName());
        return organizer;
    }

    public Optional<Organizer> ofUser(UUID userId) {
        return em.createQuery("SELECT o FROM Organizer o WHERE o.userId = :user", Organizer.class)
                .setParameter("user", userId).getResultStream().findFirst();
    }

    public Organizer mine(UUID userId) {
        return ofUser(userId).orElseThrow(() -> ApiException.notFound("Organizer profile"));
    }

    /** The caller's organizer profile, which must be verified to act as an organizer. */
    public Organizer verifiedOf(UUID userId) {
        Organizer organizer = ofUser(userId).orElseThrow(() -> new ApiException(ErrorCode.ORGANIZER_NOT_VERIFIED,
                "Apply as an organizer first"));
        if (!organizer.isVerified()) {
            throw new ApiException(ErrorCode.ORGANIZER_NOT_VERIFIED,
                    "Your organizer profile is " + organizer.status() + "; it must be verified");
        }
        return organizer;
    }

    public Organizer get(UUID id) {
        Organizer organizer = em.find(Organizer.class, id);
        if (organizer == null) {
            throw ApiException.notFound("Organizer");
        }
        return organizer;
    }

    public Page<Organizer> list(Organizer.Status status, int page, int size) {
        String where = status == null ? "" : " WHERE o.status = :status";
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(o) FROM Organizer o" + where, Long.class);
        TypedQuery<Organizer> select = em.createQuery("SELECT o FROM Organizer o" + where
                + " ORDER BY o.createdAt, o.id", Organizer.class);
        if (status != null) {
            count.setParameter("status", status);
            select.setParameter("status", status);
        }
        List<Organizer> items = select.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, count.getSingleResult());
    }

    /** Verifies the organizer and grants the ORGANIZER role (carried by the user's next access token). */
    @Transactional
    public Organizer verify(UUID id, UUID adminId, RequestOrigin origin) {
        Organizer organizer = em.find(Organizer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (organizer == null) {
            throw ApiException.notFound("Organizer");
        }
        organizer.verify(clock.instant());
        accounts.grantRole(organizer.userId(), Role.ORGANIZER);
        audit.success(adminId, "ORGANIZER_VERIFIED", "organizer", id, origin, null);
        return organizer;
    }

    @Transactional
    public Organizer reject(UUID id, String reason, UUID adminId, RequestOrigin origin) {
        Organizer organizer = em.find(Organizer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (organizer == null) {
            throw ApiException.notFound("Organizer");
        }
        organizer.reject(reason, clock.instant());
        audit.success(adminId, "ORGANIZER_REJECTED", "organizer", id, origin, reason);
        return organizer;
    }
}
