package com.eventix.events.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTierTest {
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");
    private final Instant start = now.plus(Duration.ofDays(10));

    private Event event(String currency) {
        return Event.draft(UUID.randomUUID(), new Event.Details("T", null, "c", "l", start,
                start.plus(Duration.ofHours(2)), "UTC", null, currency, null), now);
    }

    private TicketTier.Spec spec(String price, int quantity) {
        return new TicketTier.Spec("General", null, new BigDecimal(price), quantity, 10, null, null);
    }

    @Test
    void startsFullyAvailableAndResizesAroundWhatIsCommitted() {
        TicketTier tier = TicketTier.create(event("USD"), spec("25.00", 100), now);
        assertThat(tier.availableQuantity()).isEqualTo(100);
        assertThat(tier.committed()).isZero();
        tier.update(event("USD"), spec("20.00", 50), now);
        assertThat(tier.availableQuantity()).isEqualTo(50);
        assertThat(tier.price()).isEqualByComparingTo("20");
    }

    @Test
    void pricesFollowTheCurrencysMinorUnits() {
        assertThatThrownBy(() -> TicketTier.create(event("USD"), spec("1.005", 1), now))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_PRICE);
        assertThatThrownBy(() -> TicketTier.create(event("JPY"), spec("100.5", 1), now)).isInstanceOf(ApiException.class);
        assertThat(TicketTier.create(event("JPY"), spec("1500", 1), now).price()).isEqualByComparingTo("1500");
        assertThat(TicketTier.create(event("USD"), spec("0", 1), now).price()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> TicketTier.create(event("USD"), spec("-0.01", 1), now)).isInstanceOf(ApiException.class);
    }

    @Test
    void threeDecimalCurrenciesKeepTheirThirdDecimalAndEveryPriceIsWrittenInItsCurrencysDecimals() {
        assertThat(TicketTier.create(event("KWD"), spec("1.005", 1), now).price()).isEqualTo(new BigDecimal("1.005"));
        assertThat(TicketTier.create(event("BHD"), spec("2.5", 1), now).price()).isEqualTo(new BigDecimal("2.500"));
        assertThat(TicketTier.create(event("EUR"), spec("12.5", 1), now).price()).isEqualTo(new BigDecimal("12.50"));
        assertThat(TicketTier.create(event("JPY"), spec("1500.00", 1), now).price()).isEqualTo(new BigDecimal("1500"));
        assertThatThrownBy(() -> TicketTier.create(event("KWD"), spec("1.0005", 1), now))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TicketTier.create(event("EUR"), spec("1.005", 1), now))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PRICE);
                    assertThat(e.details()).containsEntry("currency", "EUR").containsEntry("maxDecimals", 2);
                });
    }

    @Test
    void theSaleWindowFitsTheEvent() {
        Event event = event("USD");
        var afterEnd = new TicketTier.Spec("Late", null, BigDecimal.TEN, 5, 5, null, start.plus(Duration.ofDays(1)));
        var inverted = new TicketTier.Spec("Odd", null, BigDecimal.TEN, 5, 5, start, start.minusSeconds(1));
        for (var s : new TicketTier.Spec[] {afterEnd, inverted}) {
            assertThatThrownBy(() -> TicketTier.create(event, s, now)).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_SALE_WINDOW);
        }
    }
}
