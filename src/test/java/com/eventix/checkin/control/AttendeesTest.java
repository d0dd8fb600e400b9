package com.eventix.checkin.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.platform.api.Csv;
import com.eventix.tickets.entity.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttendeesTest {
    @Test
    void aSearchMatchesTextLiterallyWhateverItsWildcards() {
        assertThat(Attendees.pattern(null)).isEmpty();
        assertThat(Attendees.pattern("  ")).isEmpty();
        assertThat(Attendees.pattern(" Ama ")).isEqualTo("%ama%");
        assertThat(Attendees.pattern("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    }

    @Test
    void theCsvQuotesCellsAndDisarmsFormulas() {
        UUID ticket = UUID.randomUUID();
        String csv = Attendees.csv(List.of(new AttendeeView(ticket, "=HYPERLINK(\"x\")", "a@b.c", UUID.randomUUID(),
                "VIP, front", Ticket.Status.CHECKED_IN, Instant.parse("2026-06-01T18:00:00Z"))));
        assertThat(csv.split("\r\n")).containsExactly("ticketId,holderName,email,tier,status,checkedInAt",
                ticket + ",\"'=HYPERLINK(\"\"x\"\")\",\"a@b.c\",\"VIP, front\",CHECKED_IN,2026-06-01T18:00:00Z");
        assertThat(Csv.cell(null)).isEqualTo("\"\"");
        assertThat(Csv.cell("-1")).isEqualTo("\"'-1\"");
    }
}
