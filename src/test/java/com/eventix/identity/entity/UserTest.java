package com.eventix.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {
    private final Instant now = Instant.parse("2026-05-01T19:00:00Z");

    @Test
    void aNewAccountIsAnActiveAttendeeWithANormalisedEmail() {
        User user = User.withPassword("  Ada.Lovelace@Example.COM ", "hash", " Ada ", "Lovelace", " ", now);
        assertThat(user.email()).isEqualTo("ada.lovelace@example.com");
        assertThat(user.role()).isEqualTo(Role.ATTENDEE);
        assertThat(user.isActive()).isTrue();
        assertThat(user.firstName()).isEqualTo("Ada");
        assertThat(user.phone()).isNull();
    }

    @Test
    void profileUpdatesChangeOnlyWhatIsGiven() {
        User user = User.withPassword("a@b.c", "hash", "Ada", "Lovelace", "+44 20 1234", now);
        user.updateProfile(null, "King", null, now.plusSeconds(5));
        assertThat(user.firstName()).isEqualTo("Ada");
        assertThat(user.lastName()).isEqualTo("King");
        assertThat(user.phone()).isEqualTo("+44 20 1234");
        assertThat(user.updatedAt()).isEqualTo(now.plusSeconds(5));
        user.updateProfile(null, null, "", now);
        assertThat(user.phone()).isNull();
    }

    @Test
    void anAccountKeepsTheGoogleIdentityItWasLinkedTo() {
        User user = User.fromGoogle("g@b.c", "sub-1", "G", "User", now);
        assertThat(user.hasPassword()).isFalse();
        user.linkGoogle("sub-1", now);
        assertThatThrownBy(() -> user.linkGoogle("sub-2", now)).isInstanceOf(IllegalStateException.class);
    }
}
