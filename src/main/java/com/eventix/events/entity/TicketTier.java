package com.eventix.events.entity;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A ticket tier and its inventory. {@code availableQuantity} is what can still be held or sold; what is not
 * available is committed (sold or held), and no change may leave fewer tickets than are committed.
 */
@Entity
@Table(name = "ticket_tiers")
public class TicketTier {
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    /** What an organizer sets on a tier. */
    public record Spec(String name, String description, BigDecimal price, int totalQuantity, int maxPerOrder,
                       Instant saleStart, Instant saleEnd) {
    }

    @Id
    private UUID id;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(name = "tier_name", nullable = false)
    private String tierName;
    private String description;
    @Column(nullable = false)
    private BigDecimal price;
    @Column(name = "total_quantity", nullable = false)
    private int totalQuantity;
    @Column(name = "available_quantity", nullable = false)
    private int availableQuantity;
    @Column(name = "max_per_order", nullable = false)
    private int maxPerOrder;
    @Column(name = "sale_start")
    @Convert(converter = InstantConverter.class)
    private Instant saleStart;
    @Column(name = "sale_end")
    @Convert(converter = InstantConverter.class)
    private Instant saleEnd;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected TicketTier() {
    }

    public static TicketTier create(Event event, Spec spec, Instant now) {
        TicketTier tier = new TicketTier();
        tier.id = UUID.randomUUID();
        tier.eventId = event.id();
        tier.createdAt = now;
        tier.check(event, spec);
        tier.totalQuantity = spec.totalQuantity();
        tier.availableQuantity = spec.totalQuantity();
        tier.apply(event, spec, now);
        return tier;
    }

    /** Changes the tier. Once anything is committed the price is fixed and the size cannot drop below it. */
    public void update(Event event, Spec spec, Instant now) {
        check(event, spec);
        int committed = committed();
        if (committed > 0 && spec.price().compareTo(price) != 0) {
            throw new ApiException(ErrorCode.TIER_HAS_SALES, "Tickets of this tier are sold or held; its price is fixed",
                    Map.of("committed", committed));
        }
        if (spec.totalQuantity() < committed) {
            throw new ApiException(ErrorCode.TIER_BELOW_SOLD, "The tier cannot hold fewer than the " + committed
                    + " tickets already sold or held", Map.of("committed", committed,
                    "totalQuantity", spec.totalQuantity()));
        }
        availableQuantity += spec.totalQuantity() - totalQuantity;
        totalQuantity = spec.totalQuantity();
        apply(event, spec, now);
    }

    /**
     * Takes {@code quantity} tickets out of what is available, for a hold. Called with the tier row locked (the
     * one place where concurrent buyers of a tier queue up).
     */
    public void hold(int quantity, Instant now) {
        requireAvailable(quantity);
        availableQuantity -= quantity;
        updatedAt = now;
    }

    /** TICKET_NOT_AVAILABLE, saying how many remain, unless {@code quantity} tickets are available. */
    public void requireAvailable(int quantity) {
        if (quantity > availableQuantity) {
            throw notAvailable(availableQuantity, quantity);
        }
    }

    /** The TICKET_NOT_AVAILABLE answer when {@code remaining} tickets are left and {@code requested} were asked. */
    public static ApiException notAvailable(int remaining, int requested) {
        return new ApiException(ErrorCode.TICKET_NOT_AVAILABLE, remaining == 0 ? "Ticket tier sold out"
                : "Only " + remaining + " tickets of this tier are left",
                Map.of("remaining", remaining, "requested", requested));
    }

    /** Tickets of an ended hold come back. */
    public void giveBack(int quantity, Instant now) {
        if (availableQuantity + quantity > totalQuantity) {
            throw new IllegalStateException("giving back " + quantity + " would exceed the tier's total");
        }
        availableQuantity += quantity;
        updatedAt = now;
    }

    /** Whether tickets can be bought now: inside the tier's sale window, which closes at the latest when the event ends. */
    public boolean onSale(Event event, Instant now) {
        return (saleStart == null || !now.isBefore(saleStart))
                && now.isBefore(saleEnd != null ? saleEnd : event.endTime());
    }

    public void checkDeletable() {
        if (committed() > 0) {
            throw new ApiException(ErrorCode.TIER_HAS_SALES, "Tickets of this tier are sold or held; it cannot be deleted",
                    Map.of("committed", committed()));
        }
    }

    /** Tickets sold or held. */
    public int committed() {
        return totalQuantity - availableQuantity;
    }

    private void check(Event event, Spec spec) {
        Currency currency = event.currencyUnit();
        int digits = minorDigits(currency);
        if (spec.price().signum() < 0 || spec.price().compareTo(MAX_PRICE) > 0
                || spec.price().stripTrailingZeros().scale() > digits) {
            throw new ApiException(ErrorCode.INVALID_PRICE, "Price must be between 0 and " + MAX_PRICE
                    + " with at most " + digits + " decimals for " + currency,
                    Map.of("price", spec.price(), "currency", currency.getCurrencyCode(), "maxDecimals", digits,
                            "maxPrice", MAX_PRICE));
        }
        Map<String, Object> window = new HashMap<>();
        if (spec.saleStart() != null && spec.saleEnd() != null && !spec.saleEnd().isAfter(spec.saleStart())) {
            window.put("saleEnd", "must be after saleStart");
        }
        if (spec.saleEnd() != null && spec.saleEnd().isAfter(event.endTime())) {
            window.put("saleEnd", "must not be after the event ends");
        }
        if (spec.saleStart() != null && !spec.saleStart().isBefore(event.endTime())) {
            window.put("saleStart", "must be before the event ends");
        }
        if (!window.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_SALE_WINDOW, "The sale window is not possible", window);
        }
    }

    /** The decimals a price in {@code currency} may have: its ISO 4217 minor unit (EUR 2, JPY 0, KWD 3). */
    static int minorDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    private void apply(Event event, Spec spec, Instant now) {
        tierName = spec.name().trim();
        description = spec.description();
        // Written as the currency writes it (12.50 EUR, 1.005 KWD, 1500 JPY); check() made this exact.
        price = spec.price().setScale(minorDigits(event.currencyUnit()), RoundingMode.UNNECESSARY);
        maxPerOrder = spec.maxPerOrder();
        saleStart = spec.saleStart();
        saleEnd = spec.saleEnd();
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String tierName() {
        return tierName;
    }

    public String description() {
        return description;
    }

    public BigDecimal price() {
        return price;
    }

    public int totalQuantity() {
        return totalQuantity;
    }

    public int availableQuantity() {
        return availableQuantity;
    }

    public int maxPerOrder() {
        return maxPerOrder;
    }

    public Instant saleStart() {
        return saleStart;
    }

    public Instant saleEnd() {
        return saleEnd;
    }
}
