package com.eventix.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterProblemsTest {
    enum Status { OPEN, CLOSED }

    public static class Filters {
        @QueryParam("minPrice")
        public BigDecimal minPrice;
        @QueryParam("page")
        @DefaultValue("1")
        public int page;
    }

    @SuppressWarnings("unused")
    public void endpoint(@PathParam("id") UUID id, @QueryParam("status") Status status,
                         @QueryParam("size") @DefaultValue("20") int size, @HeaderParam("X-Count") Long count,
                         @QueryParam("tags") List<UUID> tags, @BeanParam Filters filters, String body) {
    }

    private static Map<String, Object> problems(Map<String, String> path, Map<String, String> query,
                                                Map<String, String> headers) throws Exception {
        Method m = ParameterProblemsTest.class.getMethod("endpoint", UUID.class, Status.class, int.class, Long.class,
                List.class, Filters.class, String.class);
        return ParameterProblems.of(m, new ParameterProblems.Values(
                n -> path.containsKey(n) ? List.of(path.get(n)) : null,
                n -> query.containsKey(n) ? List.of(query.get(n)) : null,
                n -> headers.containsKey(n) ? List.of(headers.get(n)) : null));
    }

    @Test
    void namesEachBadParameterWithWhatWasExpected() throws Exception {
        Map<String, Object> found = problems(Map.of("id", "None"),
                Map.of("status", "null", "size", "99999999999999999999", "minPrice", "cheap", "page", "x",
                        "tags", "nope"),
                Map.of("X-Count", "many"));
        assertThat(found).containsEntry("id", "must be a UUID")
                .containsEntry("status", "must be one of OPEN, CLOSED")
                .containsEntry("size", "must be a whole number from -2147483648 to 2147483647")
                .containsEntry("minPrice", "must be a decimal number such as 12.50")
                .containsEntry("tags", "must be a UUID")
                .containsKeys("page", "X-Count");
        assertThat(found.values().toString()).doesNotContain("java").doesNotContain("Exception");
    }

    @Test
    void goodAndAbsentValuesAreNotProblems() throws Exception {
        assertThat(problems(Map.of("id", UUID.randomUUID().toString()), Map.of("status", "OPEN", "minPrice", "12.5"),
                Map.of())).isEmpty();
    }
}
