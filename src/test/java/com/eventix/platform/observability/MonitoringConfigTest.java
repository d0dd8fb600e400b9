package com.eventix.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The provisioned Grafana dashboard asks only for metrics that Eventix publishes: a renamed metric would otherwise
 * leave an operator an empty panel in the middle of an incident.
 */
class MonitoringConfigTest {
    private static final Pattern METRIC = Pattern.compile("(?<![A-Za-z_])eventix_[a-z_]+");

    @Test
    void everyEventixMetricOnTheDashboardIsOneTheCodePublishes() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                Path.of("payara-config/monitoring/grafana/dashboards/eventix.json").toFile());
        Set<String> asked = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    asked.add(m.group());
                }
            }
        }
        assertThat(asked).contains("eventix_holds_total", "eventix_http_requests_seconds_count");

        Set<String> published = published();
        for (String name : asked) {
            String base = name.replaceAll("(_seconds)?(_count|_sum|_max)?$", "").replaceAll("_total$", "");
            assertThat(published.contains(name) || published.contains(base)).as("%s is published", name).isTrue();
        }
    }

    /** The names the code registers: "eventix_..." strings, and eventix_ + each @Outcomes value. */
    private static Set<String> published() throws IOException {
        Set<String> names = new HashSet<>();
        Pattern literal = Pattern.compile("\"(eventix_[a-z_]+)\"");
        Pattern outcomes = Pattern.compile("@Outcomes\\(\"([a-z_]+)\"\\)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                literal.matcher(source).results().forEach(r -> names.add(r.group(1)));
                outcomes.matcher(source).results().forEach(r -> names.add("eventix_" + r.group(1)));
            }
        }
        return names;
    }
}
