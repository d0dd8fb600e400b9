package com.eventix.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void aClientGetsCsvOnlyWhenItPrefersCsvToJson() {
        assertThat(Csv.wanted(types("text/csv"))).isTrue();
        assertThat(Csv.wanted(types("text/csv", "application/json"))).isTrue();
        assertThat(Csv.wanted(types("text/*"))).isTrue();
        // A generated client names every type the operation produces, JSON first: it reads JSON.
        assertThat(Csv.wanted(types("application/json", "text/csv"))).isFalse();
        assertThat(Csv.wanted(types("*/*"))).isFalse();
        assertThat(Csv.wanted(types())).isFalse();
        assertThat(Csv.wanted(types("text/html", "application/json"))).isFalse();
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsQuotedAsText() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("Ama \"Kofi\" Mensah")).isEqualTo("\"Ama \"\"Kofi\"\" Mensah\"");
        assertThat(Csv.cell(null)).isEqualTo("\"\"");
    }

    private static List<MediaType> types(String... names) {
        return java.util.Arrays.stream(names).map(n -> new MediaType(n.split("/")[0], n.split("/")[1])).toList();
    }
}
