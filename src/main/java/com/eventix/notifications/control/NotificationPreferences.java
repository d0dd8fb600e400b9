package com.eventix.notifications.control;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which kinds of notification a user wants by email. Only the kinds of {@link Switchable} can be switched off; the
 * rest (tickets, refunds, transfers, changes of an event's time or place, account and payout mails) are part of a
 * purchase or an account and always sent.
 * A kind switched off still reaches the user's inbox.
 */
@ApplicationScoped
public class NotificationPreferences {
    /** The kinds of notification a user may stop getting by email. */
    public enum Switchable {
        /** A ticket holder's reminder the day before an event starts. */
        EVENT_REMINDER,
        /** An organizer's message to the ticket holders of their event. */
        EVENT_ANNOUNCEMENT
    }

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;

    /** One kind and whether it is sent by email. */
    @Schema(name = "NotificationPreference")
    public record Preference(@Schema(description = "The kind of notification") Switchable kind,
                             @Schema(description = "Sent by email too (otherwise only to the inbox)") boolean email) {
    }

    /** Whether a notification of this type goes to the user by email. */
    public boolean wantsEmail(UUID userId, String type) {
        if (userId == null || Arrays.stream(Switchable.values()).noneMatch(k -> k.name().equals(type))) {
            return true;
        }
        List<?> found = em.createNativeQuery("SELECT email FROM notification_preferences WHERE user_id = ?1 "
                + "AND kind = ?2").setParameter(1, userId).setParameter(2, type).getResultList();
        return found.isEmpty() || Boolean.TRUE.equals(found.get(0));
    }

    /** The user's choice for every kind that can be switched off. */
    public List<Preference> of(UUID userId) {
        Map<String, Boolean> stored = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT kind, email FROM notification_preferences WHERE user_id = ?1")
                .setParameter(1, userId).getResultList()) {
            Object[] r = (Object[]) row;
            stored.put((String) r[0], (Boolean) r[1]);
        }
        return Arrays.stream(Switchable.values()).map(k -> new Preference(k, stored.getOrDefault(k.name(), true)))
                .toList();
    }

    /**
     * Sets the choices given (kinds not named keep theirs) and answers them all. A kind that cannot be switched off
     * is refused by name (VALIDATION_FAILED), and nothing is changed then.
     */
    @Transactional
    public List<Preference> set(UUID userId, List<String> kinds, List<Boolean> email) {
        Map<String, Object> problems = new LinkedHashMap<>();
        Map<Switchable, Boolean> changes = new LinkedHashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            Switchable switchable = Arrays.stream(Switchable.values()).filter(k -> k.name().equals(kind)).findFirst()
                    .orElse(null);
            if (switchable == null) {
                problems.put("preferences[" + i + "].kind", "cannot be switched off: only "
                        + Arrays.toString(Switchable.values()) + " can");
            } else {
                changes.put(switchable, email.get(i));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid notification preferences", problems);
        }
        changes.forEach((kind, wanted) -> em.createNativeQuery("INSERT INTO notification_preferences (user_id, kind, "
                        + "email, updated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id, kind) DO UPDATE "
                        + "SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at")
                .setParameter(1, userId).setParameter(2, kind.name()).setParameter(3, wanted)
                .setParameter(4, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate());
        return of(userId);
    }
}
