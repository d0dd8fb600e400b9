package com.eventix.checkin.control;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event's door figures, computed from its scans. */
@Schema(name = "CheckinStats")
public record CheckinStatsView(UUID eventId,
                               @Schema(description = "Tickets sold and still valid (not refunded or cancelled)",
                                       example = "1200") long sold,
                               @Schema(description = "Tickets admitted at least once", example = "845") long checkedIn,
                               @Schema(description = "Entries minus exits", example = "790") long insideNow,
                               @Schema(example = "870") long entries,
                               @Schema(example = "80") long exits,
                               List<TierFigures> byTier,
                               List<ListFigures> byList,
                               List<GateFigures> byGate,
                               @Schema(description = "Entries and exits per 5 minutes, oldest first")
                               List<Interval> perFiveMinutes,
                               @Schema(description = "Refused scans per reason (a TICKET_INVALID reason, or "
                                       + "ALREADY_CHECKED_IN, NOT_CHECKED_IN, EXITS_NOT_SCANNED)")
                               List<RefusalCount> refusals,
                               @Schema(description = "Offline scans that clashed with an earlier admission or a "
                                       + "revocation (DUPLICATE, REVOKED_ADMITTED)", example = "2")
                               long offlineConflicts,
                               @Schema(description = "When the last scan was made (absent: none yet)") Instant lastScanAt) {

    @Schema(name = "CheckinTierFigures")
    public record TierFigures(UUID tierId, String tierName, long sold, long checkedIn) {
    }

    @Schema(name = "CheckinListFigures")
    public record ListFigures(UUID listId, String name, long checkedIn, long insideNow) {
    }

    @Schema(name = "CheckinGateFigures")
    public record GateFigures(@Schema(description = "The gate (empty: scans that named none)") String gate,
                              long entries, long exits) {
    }

    @Schema(name = "CheckinInterval")
    public record Interval(@Schema(description = "Start of the 5 minutes") Instant from, long entries, long exits) {
    }

    @Schema(name = "CheckinRefusalCount")
    public record RefusalCount(String reason, long count) {
    }
}
