package com.eventix.platform.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the OpenAPI document say what goes over the wire: successful payloads wrapped in the envelope
 * ({@code data} holds what the operation declares), and on every operation the failures all endpoints share
 * (validation, authentication, authorisation, body size, rate limiting, internal), without repeating them in
 * annotations. It also undoes two habits of Payara's scanner: a property annotated
 * {@code @Schema(type = STRING, format = "uuid")} comes out as an object with that format, and every annotated
 * property carries the annotation's unset values as constraints ({@code maxProperties: 0}, {@code minLength: 0},
 * {@code nullable: false}, ...), which would forbid any value in an object and mislead generated clients.
 */
public class OpenApiEnvelopes implements OASFilter {
    private static final String ERROR_ENVELOPE = "ErrorEnvelope";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema error = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("A failed response. error.code is one of the stable codes of the ErrorCode schema.")
                .properties(Map.of(
                        "success", OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN).example(false),
                        "error", OASFactory.createSchema().ref("Error"),
                        "timestamp", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time")));
        openAPI.getComponents().addSchema(ERROR_ENVELOPE, error);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(schema -> tidy(schema, seen));
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            tidy(op, seen);
            wrapSuccesses(op);
            addErrors(op);
        }));
    }

    /** What the wire carries as text: uuids, instants and dates are strings with a format. */
    private static final Set<String> STRING_FORMATS = Set.of("uuid", "date-time", "date");

    private static void tidy(Operation operation, Set<Schema> seen) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> tidy(p.getSchema(), seen));
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values().forEach(m -> tidy(m.getSchema(), seen));
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().stream().filter(r -> r.getContent() != null)
                    .forEach(r -> r.getContent().getMediaTypes().values().forEach(m -> tidy(m.getSchema(), seen)));
        }
    }

    private static void tidy(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getFormat() != null && STRING_FORMATS.contains(schema.getFormat())
                && schema.getType() == Schema.SchemaType.OBJECT) {
            schema.setType(Schema.SchemaType.STRING);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> tidy(p, seen));
        }
        tidy(schema.getItems(), seen);
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> tidy(s, seen));
            }
        }
    }

    private void wrapSuccesses(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null
                    || response.getContent().getMediaType("application/json") == null) {
                return;
            }
            MediaType json = response.getContent().getMediaType("application/json");
            Schema data = json.getSchema();
            json.setSchema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT).properties(Map.of(
                    "success", OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN).example(true),
                    "data", data == null ? OASFactory.createSchema().type(Schema.SchemaType.OBJECT) : data,
                    "message", OASFactory.createSchema().type(Schema.SchemaType.STRING),
                    "timestamp", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time"))));
        });
    }

    private void addErrors(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        add(responses, "400", "Invalid input (VALIDATION_FAILED with per-field details, MALFORMED_JSON, ...)");
        if (secured) {
            add(responses, "401", "Missing, expired or invalid access token (UNAUTHORIZED)");
            add(responses, "403", "Your role may not do this (FORBIDDEN)");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "Request body larger than MAX_REQUEST_BODY (PAYLOAD_TOO_LARGE)");
        }
        add(responses, "429", "Too many requests (RATE_LIMITED); see the Retry-After header");
        add(responses, "500", "Unexpected failure (INTERNAL_ERROR, with an incident id)");
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) != null) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_ENVELOPE))));
        responses.addAPIResponse(status, response);
    }
}
