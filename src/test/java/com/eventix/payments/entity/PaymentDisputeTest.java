package com.eventix.payments.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.payments.entity.PaymentDispute.Move;
import com.eventix.payments.entity.PaymentDispute.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentDisputeTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static PaymentDispute dispute() {
        return new PaymentDispute("stripe", "dp_1", UUID.randomUUID(), new BigDecimal("51.00"), "USD", "fraudulent", NOW);
    }

    @Test
    void aChargebackTakesTheMoneyOnceAndGivesItBackOnceWhenWon() {
        PaymentDispute d = dispute();
        assertThat(d.told(Status.OPEN, true, false, NOW)).isEqualTo(Move.WITHDRAWN);
        assertThat(d.told(Status.OPEN, true, false, NOW)).as("funds_withdrawn after created").isEqualTo(Move.NONE);
        assertThat(d.told(Status.WON, false, true, NOW)).isEqualTo(Move.REINSTATED);
        assertThat(d.told(Status.WON, false, true, NOW)).as("closed after funds_reinstated").isEqualTo(Move.NONE);
        assertThat(d.status()).isEqualTo(Status.WON);
    }

    @Test
    void anInquiryTakesNothingUntilItIsLost() {
        PaymentDispute d = dispute();
        assertThat(d.told(Status.INQUIRY, false, false, NOW)).isEqualTo(Move.NONE);
        assertThat(d.told(Status.LOST, false, false, NOW)).isEqualTo(Move.WITHDRAWN);
        assertThat(d.told(Status.LOST, false, false, NOW)).isEqualTo(Move.NONE);
    }

    @Test
    void aClosedDisputeDoesNotReopenAndLateNewsOfWithdrawnMoneyAfterAWinMovesNothing() {
        PaymentDispute d = dispute();
        assertThat(d.told(Status.WON, false, false, NOW)).as("an inquiry won: nothing was taken").isEqualTo(Move.NONE);
        assertThat(d.told(Status.OPEN, true, false, NOW)).as("a late funds_withdrawn").isEqualTo(Move.NONE);
        assertThat(d.status()).isEqualTo(Status.WON);
        assertThat(d.told(Status.WON, false, true, NOW)).isEqualTo(Move.NONE);
    }
}
