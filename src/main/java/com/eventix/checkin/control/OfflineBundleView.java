package com.eventix.checkin.control;

import com.eventix.tickets.control.EventKeys;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a scanner needs to decide at the door without the network. With {@code since}, the revocations and
 * check-ins are only those that changed since that cursor (each entry is absolute, so one seen twice does no harm);
 * keys, lists and the void ticket ids are always whole.
 */
@Schema(name = "OfflineBundle")
public record OfflineBundleView(UUID eventId,
                                @Schema(description = "Ask again with ?since=<cursor> for what changed after this bundle")
                                String cursor,
                                @Schema(description = "Whether this bundle is whole (no since given)") boolean full,
                                Instant generatedAt,
                                @Schema(description = "The keys that verify the event's ticket codes, by key id")
                                List<EventKeys.ScannerKey> keys,
                                List<CheckinListView> lists,
                                @Schema(description = "Transferred tickets: codes below minValidVersion are void")
                                List<Revocation> revocations,
                                @Schema(description = "Refunded tickets: void, whatever their code (always whole)")
                                List<UUID> refundedTicketIds,
                                @Schema(description = "Cancelled tickets: void, whatever their code (always whole)")
                                List<UUID> cancelledTicketIds,
                                @Schema(description = "Tickets admitted on a list, and whether they are inside now")
                                List<CheckedIn> checkedIn) {

    @Schema(name = "OfflineRevocation")
    public record Revocation(UUID ticketId, @Schema(example = "2") int minValidVersion) {
    }

    @Schema(name = "OfflineCheckedIn")
    public record CheckedIn(UUID ticketId, UUID listId,
                            @Schema(description = "Inside now (on lists without exits: always, once admitted)")
                            boolean inside) {
    }
}
