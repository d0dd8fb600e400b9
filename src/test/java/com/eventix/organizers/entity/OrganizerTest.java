package com.eventix.organizers.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OrganizerTest {
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");
    private final Organizer.Profile profile = new Organizer.Profile("  Accra Live  ", "Concerts", "hi@accra.live", null);

    private Organizer applied() {
        return new Organizer(UUID.randomUUID(), profile, now);
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(code);
    }

    @Test
    void appliesPending() {
        Organizer organizer = applied();
        assertThat(organizer.status()).isEqualTo(Organizer.Status.PENDING);
        assertThat(organizer.isVerified()).isFalse();
        assertThat(organizer.organizationName()).isEqualTo("Accra Live");
    }

    @Test
    void verifiedOnceAndThenFinal() {
        Organizer organizer = applied();
        Instant later = now.plusSeconds(3600);
        organizer.verify(later);
        assertThat(organizer.status()).isEqualTo(Organizer.Status.VERIFIED);
        assertThat(organizer.isVerified()).isTrue();
        assertThat(organizer.verifiedAt()).isEqualTo(later);
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> organizer.verify(later));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> organizer.reject("no", later));
        refused(ErrorCode.ORGANIZER_EXISTS, () -> organizer.reapply(profile, later));
        assertThat(organizer.status()).isEqualTo(Organizer.Status.VERIFIED);
    }

    @Test
    void rejectedWithAReasonMayApplyAgain() {
        Organizer organizer = applied();
        organizer.reject("No proof of address", now);
        assertThat(organizer.status()).isEqualTo(Organizer.Status.REJECTED);
        assertThat(organizer.rejectionReason()).isEqualTo("No proof of address");
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> organizer.verify(now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> organizer.reject("again", now));

        organizer.reapply(new Organizer.Profile("Accra Live Ltd", "Concerts", "hi@accra.live", "+233"), now);
        assertThat(organizer.status()).isEqualTo(Organizer.Status.PENDING);
        assertThat(organizer.rejectionReason()).isNull();
        assertThat(organizer.organizationName()).isEqualTo("Accra Live Ltd");
        organizer.verify(now);
        assertThat(organizer.isVerified()).isTrue();
    }

    @Test
    void aPendingApplicationCannotBeFiledAgain() {
        Organizer organizer = applied();
        refused(ErrorCode.ORGANIZER_EXISTS, () -> organizer.reapply(profile, now));
        assertThat(organizer.status()).isEqualTo(Organizer.Status.PENDING);
    }
}
