package com.eventix.payments.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OrderRefundTest {
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");
    private final UUID organizer = UUID.randomUUID();

    private OrderRefund refund(boolean automatic) {
        return OrderRefund.request(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "USD",
                List.of(new OrderRefund.Line(UUID.randomUUID(), new BigDecimal("22.95"), new BigDecimal("2.55")),
                        new OrderRefund.Line(UUID.randomUUID(), new BigDecimal("22.95"), new BigDecimal("2.55"))),
                "cannot come", automatic, now);
    }

    private static void illegal(ThrowingCallable move) {
        assertThatThrownBy(move).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
    }

    @Test
    void aRequestAddsUpItsTicketsAndWaitsForTheOrganizer() {
        OrderRefund refund = refund(false);
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.REQUESTED);
        assertThat(refund.amount()).isEqualByComparingTo("45.90");
        assertThat(refund.fee()).isEqualByComparingTo("5.10");
        assertThat(refund.ticketIds()).hasSize(2);
        assertThat(refund.isPending()).isTrue();
        assertThat(refund.providerKey()).isEqualTo("refund-" + refund.id());
        assertThat(refund.attempt(now, now)).as("not approved: the provider is not asked").isFalse();
        illegal(() -> refund.accepted("re_1", true, now));
        illegal(() -> refund.failed("no", now));
    }

    @Test
    void anAutomaticPolicyApprovesAtOnce() {
        OrderRefund refund = refund(true);
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.APPROVED);
        assertThat(refund.decidedAt()).isEqualTo(now);
        illegal(() -> refund.approve(organizer, now));
        illegal(() -> refund.reject(organizer, "no", now));
    }

    @Test
    void approvedThenProcessingThenSucceeded() {
        OrderRefund refund = refund(false);
        refund.approve(organizer, now);
        assertThat(refund.decidedBy()).isEqualTo(organizer);
        assertThat(refund.attempt(null, now)).isTrue();
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.PROCESSING);
        assertThat(refund.attempt(null, now)).as("a second caller at once finds it taken").isFalse();
        Instant later = now.plus(Duration.ofMinutes(5));
        assertThat(refund.attempt(now.minusSeconds(1), later)).as("tried after the cut-off").isFalse();
        assertThat(refund.attempt(now, later)).as("never acknowledged: asked again").isTrue();
        refund.accepted("re_1", false, later);
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.PROCESSING);
        assertThat(refund.attempt(later.plusSeconds(600), later.plusSeconds(600)))
                .as("acknowledged: never asked again").isFalse();
        assertThat(refund.confirmed(later)).isTrue();
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.SUCCEEDED);
        assertThat(refund.isPending()).isFalse();
        assertThat(refund.holdsTickets()).isTrue();
        assertThat(refund.confirmed(later)).as("a repeated confirmation changes nothing").isFalse();
        illegal(() -> refund.failed("late", later));
        illegal(() -> refund.reject(organizer, "late", later));
    }

    @Test
    void theProviderMayAnswerAtOnceOrRefuse() {
        OrderRefund done = refund(true);
        done.attempt(null, now);
        done.accepted("re_2", true, now);
        assertThat(done.status()).isEqualTo(OrderRefund.Status.SUCCEEDED);
        assertThat(done.providerRefundId()).isEqualTo("re_2");

        OrderRefund refused = refund(true);
        refused.attempt(null, now);
        refused.failed("card closed", now);
        assertThat(refused.status()).isEqualTo(OrderRefund.Status.FAILED);
        assertThat(refused.failureReason()).isEqualTo("card closed");
        assertThat(refused.holdsTickets()).isFalse();
        assertThat(refused.attempt(now.plusSeconds(60), now.plusSeconds(60))).isFalse();
    }

    @Test
    void aRejectionSaysWhyAndFreesTheTickets() {
        OrderRefund refund = refund(false);
        refund.reject(organizer, "past the deadline we agreed", now);
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.REJECTED);
        assertThat(refund.decisionReason()).isEqualTo("past the deadline we agreed");
        assertThat(refund.holdsTickets()).isFalse();
        illegal(() -> refund.approve(organizer, now));
        assertThat(refund.attempt(now, now)).isFalse();
        assertThat(refund.confirmed(now)).isFalse();
    }

    @Test
    void aRefundNeedsTickets() {
        assertThatThrownBy(() -> OrderRefund.request(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "USD", List.of(), "why", false, now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalIsAskedAgainAfterABackOffWithANewKeyThenFails() {
        OrderRefund refund = refund(true);
        String firstKey = refund.providerKey();
        assertThat(refund.attempt(null, now)).isTrue();
        assertThat(refund.refused("card closed", 2, Duration.ofSeconds(10), now)).isFalse();
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.APPROVED);
        assertThat(refund.isPending()).isTrue();
        assertThat(refund.nextAttemptAt()).isEqualTo(now.plusSeconds(10));
        assertThat(refund.providerKey()).as("the refused key is spent").isNotEqualTo(firstKey)
                .isEqualTo("refund-" + refund.id() + "-1");
        assertThat(refund.attempt(null, now.plusSeconds(9))).as("still backing off").isFalse();
        assertThat(refund.attempt(null, now.plusSeconds(10))).isTrue();
        Instant second = now.plusSeconds(10);
        assertThat(refund.refused("card closed", 2, Duration.ofSeconds(10), second)).isFalse();
        assertThat(refund.nextAttemptAt()).as("the back-off doubles").isEqualTo(second.plusSeconds(20));
        assertThat(refund.attempt(null, second.plusSeconds(20))).isTrue();
        assertThat(refund.refused("card closed", 2, Duration.ofSeconds(10), second.plusSeconds(20))).isTrue();
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.FAILED);
        assertThat(refund.failureReason()).isEqualTo("card closed");
        assertThat(refund.attempt(null, second.plusSeconds(3600))).as("failed: left for an admin").isFalse();
        illegal(() -> refund.refused("again", 2, Duration.ofSeconds(10), now));
    }

    @Test
    void anAdminRetriesAFailedRefundOnlyAtOnceAndWithANewKey() {
        OrderRefund refund = refund(true);
        illegal(() -> refund.retry(now));
        refund.attempt(null, now);
        illegal(() -> refund.retry(now));
        refund.refused("card closed", 0, Duration.ofSeconds(10), now);
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.FAILED);
        refund.retry(now.plusSeconds(5));
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.APPROVED);
        assertThat(refund.providerKey()).isEqualTo("refund-" + refund.id() + "-1");
        assertThat(refund.attempt(null, now.plusSeconds(5))).as("asked at once").isTrue();
        refund.accepted("re_3", true, now.plusSeconds(6));
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.SUCCEEDED);
        illegal(() -> refund.retry(now.plusSeconds(7)));
    }

    @Test
    void aCancelledEventsRefundIsWholeAndApprovedAtOnce() {
        OrderRefund refund = OrderRefund.eventCancelled(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "USD", List.of(new OrderRefund.Line(UUID.randomUUID(), new BigDecimal("25.50"),
                        BigDecimal.ZERO), new OrderRefund.Line(UUID.randomUUID(), new BigDecimal("10.005"),
                        BigDecimal.ZERO)), now);
        assertThat(refund.status()).isEqualTo(OrderRefund.Status.APPROVED);
        assertThat(refund.automatic()).isTrue();
        assertThat(refund.reason()).isEqualTo(OrderRefund.EVENT_CANCELLED);
        assertThat(refund.amount()).isEqualByComparingTo("35.505");
        assertThat(refund.fee()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> OrderRefund.eventCancelled(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "USD", List.of(new OrderRefund.Line(UUID.randomUUID(), new BigDecimal("20"),
                        new BigDecimal("5"))), now)).isInstanceOf(IllegalArgumentException.class);
    }
}
