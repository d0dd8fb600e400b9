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

    @Test
    void anUnverifiedAccountIsNeverLinkedToAGoogleIdentity() {
        User squatted = User.withPassword("victim@b.c", "hash", "S", "Quatter", null, now);
        assertThat(squatted.isEmailVerified()).isFalse();
        assertThatThrownBy(() -> squatted.linkGoogle("sub-1", now)).isInstanceOf(IllegalStateException.class);
        assertThat(squatted.googleSubject()).isNull();

        squatted.verifyEmail(now.plusSeconds(1));
        squatted.verifyEmail(now.plusSeconds(9));
        assertThat(squatted.emailVerifiedAt()).isEqualTo(now.plusSeconds(1));
        squatted.linkGoogle("sub-1", now.plusSeconds(2));
        assertThat(squatted.googleSubject()).isEqualTo("sub-1");
    }

    @Test
    void aGoogleAccountStartsVerifiedAndAPasswordChangeReplacesTheHash() {
        assertThat(User.fromGoogle("g@b.c", "sub-1", "G", "User", now).isEmailVerified()).isTrue();
        User user = User.withPassword("a@b.c", "old", "Ada", "Lovelace", null, now);
        user.changePassword("new", now.plusSeconds(3));
        assertThat(user.passwordHash()).isEqualTo("new");
        assertThat(user.updatedAt()).isEqualTo(now.plusSeconds(3));
    }

    @Test
    void aBanStopsTheAccountUntilItIsLiftedAndNeitherHappensTwice() {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        User user = User.withPassword("troll@b.c", "hash", "T", "Roll", null, now);
        user.ban("Scalping", now.plusSeconds(60));
        assertThat(user.isActive()).isFalse();
        assertThat(user.status()).isEqualTo(User.Status.BANNED);
        assertThat(user.bannedAt()).isEqualTo(now.plusSeconds(60));
        assertThat(user.banReason()).isEqualTo("Scalping");
        assertThatThrownBy(() -> user.ban("again", now)).isInstanceOf(com.eventix.platform.api.ApiException.class);
        user.unban(now.plusSeconds(120));
        assertThat(user.isActive()).isTrue();
        assertThat(user.bannedAt()).isNull();
        assertThat(user.banReason()).isNull();
        assertThatThrownBy(() -> user.unban(now)).isInstanceOf(com.eventix.platform.api.ApiException.class);
    }
}
