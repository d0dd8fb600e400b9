package com.eventix.checkin.entity;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who a door admits and when: the tiers of the event it takes (all, or those it names), its opening hours
 * (either end open), and whether exits are scanned, in which case a ticket that went out may come in again.
 */
@Entity
@Table(name = "checkin_lists")
public class CheckinList {
    public static final String DEFAULT_NAME = "All tickets";

    /** What a list's rules say about one scan, given the ticket's last stay on the list. */
    public enum Move {
        /** A new stay begins (the first entry, or a re-entry after an exit). */
        ENTER,
        /** The open stay ends. */
        LEAVE,
        /** The ticket is inside already (or, on a list without exits, has been in). */
        ALREADY_INSIDE,
        /** An exit of a ticket that is not inside. */
        NOT_INSIDE,
        /** An exit on a list that does not scan exits. */
        EXITS_NOT_SCANNED
    }

    /** The list's settings as an organizer gives them. */
    public record Settings(String name, Collection<UUID> tierIds, boolean scansExits, Instant opensAt,
                           Instant closesAt) {
    }

    @Id
    private UUID id;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(nullable = false)
    private String name;
    @Column(name = "all_tiers", nullable = false)
    private boolean allTiers;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "checkin_list_tiers", joinColumns = @JoinColumn(name = "list_id"))
    @Column(name = "tier_id")
    private Set<UUID> tierIds = new HashSet<>();
    @Column(name = "scans_exits", nullable = false)
    private boolean scansExits;
    @Column(name = "opens_at")
    @Convert(converter = InstantConverter.class)
    private Instant opensAt;
    @Column(name = "closes_at")
    @Convert(converter = InstantConverter.class)
    private Instant closesAt;
    @Column(name = "is_default", nullable = false)
    private boolean isDefault;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected CheckinList() {
    }

    public static CheckinList create(UUID eventId, Settings settings, Instant now) {
        CheckinList list = new CheckinList();
        list.id = UUID.randomUUID();
        list.eventId = eventId;
        list.createdAt = now;
        list.apply(settings, now);
        return list;
    }

    /** The event's default list: every tier, no exits, always open. */
    public static CheckinList defaultOf(UUID eventId, Instant now) {
        CheckinList list = create(eventId, new Settings(DEFAULT_NAME, Set.of(), false, null, null), now);
        list.isDefault = true;
        return list;
    }

    /** New settings; VALIDATION_FAILED when it would close before it opens. */
    public void apply(Settings settings, Instant now) {
        if (settings.opensAt() != null && settings.closesAt() != null && !settings.opensAt().isBefore(settings.closesAt())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A check-in list closes after it opens",
                    Map.of("closesAt", "must be after opensAt"));
        }
        name = settings.name();
        tierIds.clear();
        if (settings.tierIds() != null) {
            tierIds.addAll(settings.tierIds());
        }
        // Named tiers, or all: kept apart so that a list whose tiers were all deleted admits nobody, not everybody.
        allTiers = tierIds.isEmpty();
        scansExits = settings.scansExits();
        opensAt = settings.opensAt();
        closesAt = settings.closesAt();
        updatedAt = now;
    }

    /** Why a ticket of {@code tierId} scanned at {@code at} is refused here, if it is. */
    public Optional<Refusal> refusal(UUID tierId, Instant at) {
        if (!admitsTier(tierId)) {
            return Optional.of(Refusal.NOT_ON_LIST);
        }
        if (!isOpen(at)) {
            return Optional.of(Refusal.LIST_CLOSED);
        }
        return Optional.empty();
    }

    public boolean admitsTier(UUID tierId) {
        return allTiers || tierIds.contains(tierId);
    }

    /** Open from opensAt (inclusive) to closesAt (exclusive); a missing end does not limit. */
    public boolean isOpen(Instant at) {
        return (opensAt == null || !at.isBefore(opensAt)) && (closesAt == null || at.isBefore(closesAt));
    }

    /**
     * What a scan in {@code direction} does, given the ticket's last stay on this list ({@code null}: never in).
     * Without exits a ticket enters once; with exits it goes in and out in cycles, one stay at a time.
     */
    public Move move(ScanDirection direction, Admission last) {
        boolean inside = last != null && last.isOpen();
        if (direction == ScanDirection.ENTRY) {
            if (last == null || (!inside && scansExits)) {
                return Move.ENTER;
            }
            return Move.ALREADY_INSIDE;
        }
        if (!scansExits) {
            return Move.EXITS_NOT_SCANNED;
        }
        return inside ? Move.LEAVE : Move.NOT_INSIDE;
    }

    /** The cycle number a new stay gets after {@code last} ({@code null}: never in). */
    public static int nextCycle(Admission last) {
        return last == null ? 1 : last.cycle() + 1;
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String name() {
        return name;
    }

    public boolean allTiers() {
        return allTiers;
    }

    public Set<UUID> tierIds() {
        return Set.copyOf(tierIds);
    }

    public boolean scansExits() {
        return scansExits;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
