package com.eventix.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;

/** Reading, writing, comparing and validating OpenAPI documents (the committed one and the served one). */
public final class OpenApiDocuments {
    /** The committed contract: the file the server serves, and the one clients are generated from. */
    public static final Path COMMITTED = Path.of("src/main/resources/META-INF/openapi.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApiDocuments() {
    }

    /** A document in YAML or JSON (JSON is YAML). */
    public static JsonNode parse(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an OpenAPI document: " + e.getOriginalMessage(), e);
        }
    }

    public static String committedText() {
        try {
            return Files.readString(COMMITTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String yaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The document as sorted, indented JSON with numbers in one notation, so that two documents are equal when they
     * say the same, whatever the key order and number formatting of whoever wrote them.
     */
    public static String canonical(JsonNode document) {
        try {
            return JSON.writeValueAsString(sorted(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.numberNode(value.scale() < 0 ? value.setScale(0) : value);
        }
        return node;
    }

    /** Where two documents first differ, canonically, with a few lines around; empty when they say the same. */
    public static String difference(JsonNode expected, JsonNode actual) {
        String[] a = canonical(expected).split("\n");
        String[] b = canonical(actual).split("\n");
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        if (line == a.length && line == b.length) {
            return "";
        }
        int from = Math.max(0, line - 12);
        return "first difference at line " + (line + 1) + "\n--- expected\n" + excerpt(a, from, line + 4)
                + "\n--- actual\n" + excerpt(b, from, line + 4);
    }

    private static String excerpt(String[] lines, int from, int to) {
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.min(from, lines.length),
                Math.min(to, lines.length)));
    }

    /**
     * What openapi-generator's validator says of a document ({@code validate --recommend}): the parser's messages and
     * the evaluator's errors, then its warnings (recommendations). Empty when the document is clean.
     */
    public static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, options);
        List<String> problems = new ArrayList<>();
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(m -> problems.add("error: " + m));
        }
        if (parsed.getOpenAPI() == null) {
            problems.add("error: not parsed");
            return problems;
        }
        RuleConfiguration rules = new RuleConfiguration();
        rules.setEnableRecommendations(true);
        ValidationResult result = new OpenApiEvaluator(rules).validate(parsed.getOpenAPI());
        result.getErrors().forEach(e -> problems.add("error: " + e.getMessage() + " " + e.getDetails()));
        result.getWarnings().forEach(w -> problems.add("warning: " + w.getMessage() + " " + w.getDetails()));
        return problems;
    }
}
