package com.eventix.checkin.control;

import com.eventix.checkin.entity.CheckinList;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A check-in list as the API shows it. */
@Schema(name = "CheckinList")
public record CheckinListView(UUID id,
                              UUID eventId,
                              @Schema(example = "All tickets") String name,
                              @Schema(description = "Admits every tier of the event") boolean allTiers,
                              @Schema(description = "The tiers it admits when not all") List<UUID> tierIds,
                              @Schema(description = "Exits are scanned: a ticket that went out may come in again")
                              boolean scansExits,
                              @Schema(description = "Admits from (absent: no limit)") Instant opensAt,
                              @Schema(description = "Admits until, exclusive (absent: no limit)") Instant closesAt,
                              @Schema(description = "The event's default list, made when it was published")
                              boolean isDefault) {
    public static CheckinListView of(CheckinList list) {
        return new CheckinListView(list.id(), list.eventId(), list.name(), list.allTiers(), list.tierIds().stream().sorted().toList(),
                list.scansExits(), list.opensAt(), list.closesAt(), list.isDefault());
    }
}
