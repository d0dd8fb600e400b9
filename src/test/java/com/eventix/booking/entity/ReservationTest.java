package com.eventix.booking.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ReservationTest {
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");
    private final Instant expiresAt = now.plus(Duration.ofMinutes(15));

    private Reservation hold() {
        return new Reservation(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 3, new BigDecimal("12.50"),
                "USD", now, expiresAt);
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(code);
    }

    @Test
    void startsActiveAndCostsItsQuantityAtItsPrice() {
        Reservation hold = hold();
        assertThat(hold.status()).isEqualTo(Reservation.Status.ACTIVE);
        assertThat(hold.isActive()).isTrue();
        assertThat(hold.total()).isEqualByComparingTo("37.50");
    }

    @Test
    void releasedByItsOwnerGivesItsQuantityBack() {
        Reservation hold = hold();
        assertThat(hold.release(now.plusSeconds(60))).isEqualTo(3);
        assertThat(hold.status()).isEqualTo(Reservation.Status.RELEASED);
        assertThat(hold.isActive()).isFalse();
    }

    @Test
    void expiresOnlyOnceItsTimeHasCome() {
        Reservation hold = hold();
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> hold.expire(expiresAt.minusMillis(1)));
        assertThat(hold.status()).isEqualTo(Reservation.Status.ACTIVE);
        assertThat(hold.expire(expiresAt)).isEqualTo(3);
        assertThat(hold.status()).isEqualTo(Reservation.Status.EXPIRED);
    }

    @Test
    void consumedByAPaidOrder() {
        Reservation hold = hold();
        hold.consume(now);
        assertThat(hold.status()).isEqualTo(Reservation.Status.CONSUMED);
        assertThat(hold.isActive()).isFalse();
    }

    @Test
    void endsExactlyOnce() {
        for (Consumer<Reservation> end : endings()) {
            Reservation hold = hold();
            end.accept(hold);
            Reservation.Status ended = hold.status();
            refused(ErrorCode.RESERVATION_NOT_ACTIVE, () -> hold.release(expiresAt));
            refused(ErrorCode.RESERVATION_NOT_ACTIVE, () -> hold.expire(expiresAt));
            refused(ErrorCode.RESERVATION_NOT_ACTIVE, () -> hold.consume(expiresAt));
            assertThat(hold.status()).isEqualTo(ended);
        }
    }

    private List<Consumer<Reservation>> endings() {
        return List.of(h -> h.release(now), h -> h.expire(expiresAt), h -> h.consume(now));
    }

    @Test
    void aPaymentInFlightKeepsTheHoldPastItsExpiryUntilItEnds() {
        Reservation hold = hold();
        hold.protectFor(Duration.ofMinutes(30), now);
        assertThat(hold.runsOutAt()).isEqualTo(expiresAt.plus(Duration.ofMinutes(30)));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> hold.expire(expiresAt.plusSeconds(1)));
        assertThat(hold.isActive()).isTrue();

        hold.unprotect(now);
        assertThat(hold.runsOutAt()).isEqualTo(expiresAt);
        assertThat(hold.expire(expiresAt.plusSeconds(1))).isEqualTo(3);
        assertThat(hold.status()).isEqualTo(Reservation.Status.EXPIRED);
    }

    @Test
    void anEndedHoldCannotBeProtected() {
        Reservation hold = hold();
        hold.release(now);
        hold.protectFor(Duration.ofMinutes(30), now);
        assertThat(hold.runsOutAt()).isEqualTo(expiresAt);
        assertThat(hold.status()).isEqualTo(Reservation.Status.RELEASED);
    }
}
