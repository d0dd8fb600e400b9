package com.eventix.tickets.control;

import com.eventix.platform.api.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of transfer offers (pages are numbered from 1). */
@Schema(name = "TicketTransferPage")
public record TicketTransferPage(List<TicketTransferView> items, int page, int size, long total) {
    static TicketTransferPage of(Page<TicketTransferView> page) {
        return new TicketTransferPage(page.items(), page.page(), page.size(), page.total());
    }
}
