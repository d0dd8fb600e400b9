package com.eventix.platform.openapi;

import com.eventix.platform.EventixApplication;
import com.eventix.platform.api.ApiError;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI document as the code declares it, built from the compiled main classes: the JAX-RS resources with
 * their MicroProfile OpenAPI annotations, the payload types (records and request classes with their Bean
 * Validation constraints) and the application's definition (info, tags, security schemes). It is what
 * META-INF/openapi.yaml must hold (the server serves that file; OpenApiContractTest keeps the two equal).
 *
 * <p>The conventions it applies, and refuses to build without (see {@link #violations}):
 * <ul>
 * <li>every operation has an {@code @Operation} with a unique operationId and a summary, and exactly one tag
 * (its resource's {@code @Tag}), declared once in the application's {@code @OpenAPIDefinition};</li>
 * <li>security is what the resource enforces: {@code @RolesAllowed} means a bearer token (the roles are written
 * in the description), {@code @PermitAll} none (on the class only: on a method, Payara authenticates its calls
 * twice); explicit {@code @SecurityRequirement(s)} or
 * {@code @SecurityRequirementsSet}s (an empty set: anonymous callers welcome) say more and must agree with it;</li>
 * <li>success payloads are named schemas, declared as {@code @Schema(implementation = X.class)} or by name
 * ({@code ref = "X"}, {@code "XPage"} for a page of X, {@code "XList"} for a list of X); each is wrapped in its own
 * envelope schema {@code XResponse} ({@code MessageResponse} when there is no data);</li>
 * <li>every failure is a response with the {@code ErrorEnvelope} and its description lists its ErrorCodes, each of
 * that status; the failures every operation of a kind can give (invalid input, authentication, unknown id, body
 * size and type, rate limits, internal errors) are added here;</li>
 * <li>path templates carry no regular expression; UUIDs are string/uuid, instants string/date-time, enums named
 * schemas ({@code EventStatus} for {@code Event.Status}).</li>
 * </ul>
 */
public final class ContractDocument {
    static final String API_ERRORS = "ErrorEnvelope";
    static final String MESSAGE_RESPONSE = "MessageResponse";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "VALIDATION_FAILED", "a parameter or body field is invalid; details name each one",
            "MALFORMED_JSON", "the body is not the JSON this operation takes",
            "UNAUTHORIZED", "no valid access token (missing, malformed or expired)",
            "FORBIDDEN", "your role may not do this",
            "NOT_FOUND", "no such resource, or not one you may see",
            "PAYLOAD_TOO_LARGE", "the body is larger than the server takes",
            "UNSUPPORTED_MEDIA_TYPE", "the body is not of a type this operation takes",
            "RATE_LIMITED", "too many requests; retry after the seconds in Retry-After (also in details)",
            "INTERNAL_ERROR", "an unexpected failure; details.incident names it in the server log");

    private final Map<String, Class<?>> namedTypes = new HashMap<>();
    private final Map<String, JsonNode> schemas = new TreeMap<>();
    private final Set<String> referenced = new LinkedHashSet<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<String> operationIds = new LinkedHashSet<>();
    private final Set<String> declaredTags = new LinkedHashSet<>();
    private final Set<String> securitySchemes = new LinkedHashSet<>();
    /** Whether the operation being built has a parameter the server may refuse (a number, a UUID, an enum, ...). */
    private boolean checkedParameters;
    /** Whether it looks something up by a path parameter the server converts (a UUID): unknown ones are 404s. */
    private boolean lookedUp;

    private ContractDocument() {
    }

    /** The document; fails listing every convention a resource breaks. */
    public static ObjectNode build() {
        return build(List.of());
    }

    /** The document of the main classes and some more (tests' own resources). */
    static ObjectNode build(List<Class<?>> more) {
        ContractDocument contract = new ContractDocument();
        List<Class<?>> classes = new ArrayList<>(mainClasses());
        classes.addAll(more);
        ObjectNode document = contract.document(classes);
        if (!contract.violations.isEmpty()) {
            throw new IllegalStateException("The API breaks the OpenAPI conventions:\n - "
                    + String.join("\n - ", contract.violations));
        }
        return document;
    }

    private ObjectNode document(List<Class<?>> classes) {
        for (Class<?> c : classes) {
            Schema named = c.getAnnotation(Schema.class);
            if (named != null && !named.name().isEmpty()) {
                Class<?> other = namedTypes.put(named.name(), c);
                if (other != null && other != c) {
                    violations.add("schema name " + named.name() + " is used by " + other.getName() + " and " + c.getName());
                }
            }
        }
        ObjectNode doc = NODES.objectNode();
        doc.put("openapi", "3.0.3");
        OpenAPIDefinition definition = EventixApplication.class.getAnnotation(OpenAPIDefinition.class);
        ObjectNode info = doc.putObject("info");
        info.put("title", definition.info().title());
        info.put("description", definition.info().description());
        info.put("version", definition.info().version());
        ArrayNode servers = doc.putArray("servers");
        Arrays.stream(definition.servers()).forEach(s -> servers.addObject().put("url", s.url()));
        ArrayNode tags = doc.putArray("tags");
        for (Tag tag : definition.tags()) {
            if (!declaredTags.add(tag.name())) {
                violations.add("tag " + tag.name() + " is declared twice");
            }
            tags.addObject().put("name", tag.name()).put("description", tag.description());
        }
        ObjectNode components = NODES.objectNode();
        ObjectNode schemes = components.putObject("securitySchemes");
        for (SecurityScheme scheme : EventixApplication.class.getAnnotationsByType(SecurityScheme.class)) {
            securitySchemes.add(scheme.securitySchemeName());
            schemes.set(scheme.securitySchemeName(), securityScheme(scheme));
        }
        shadowedOperations(classes, violations);
        String root = EventixApplication.class.getAnnotation(ApplicationPath.class).value();
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Class<?> resource : classes) {
            if (resource.isAnnotationPresent(Path.class)) {
                for (Method method : resource.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    Operation operation = method.getAnnotation(Operation.class);
                    if (verb == null || (operation != null && operation.hidden())) {
                        continue;
                    }
                    String path = join(root, resource.getAnnotation(Path.class).value(),
                            method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
                    paths.computeIfAbsent(path, p -> NODES.objectNode()).set(verb, operation(resource, method, path));
                }
            }
        }
        ObjectNode pathsNode = doc.putObject("paths");
        paths.forEach((path, item) -> {
            ObjectNode ordered = pathsNode.putObject(path);
            for (String verb : List.of("get", "put", "post", "delete", "patch")) {
                if (item.has(verb)) {
                    ordered.set(verb, item.get(verb));
                }
            }
        });
        for (String name : referenced) {
            if (!schemas.containsKey(name)) {
                violations.add("schema " + name + " is referenced but no type defines it");
            }
        }
        ObjectNode schemaNodes = NODES.objectNode();
        schemas.forEach(schemaNodes::set);
        components.set("schemas", schemaNodes);
        ObjectNode orderedComponents = doc.putObject("components");
        orderedComponents.set("schemas", components.get("schemas"));
        orderedComponents.set("securitySchemes", components.get("securitySchemes"));
        return doc;
    }

    // --- operations ----------------------------------------------------------------------------------------------

    private ObjectNode operation(Class<?> resource, Method method, String path) {
        String where = resource.getSimpleName() + "." + method.getName();
        Operation annotation = method.getAnnotation(Operation.class);
        ObjectNode op = NODES.objectNode();
        if (path.contains(":")) {
            violations.add(where + ": path template " + path + " carries a regular expression");
        }
        Tag tag = method.isAnnotationPresent(Tag.class) ? method.getAnnotation(Tag.class) : resource.getAnnotation(Tag.class);
        if (tag == null || !declaredTags.contains(tag.name())) {
            violations.add(where + ": needs one @Tag declared in the application's @OpenAPIDefinition");
        } else {
            op.putArray("tags").add(tag.name());
        }
        if (annotation == null || annotation.operationId().isEmpty() || annotation.summary().isEmpty()) {
            violations.add(where + ": needs @Operation with an operationId and a summary");
            return op;
        }
        if (!operationIds.add(annotation.operationId())) {
            violations.add(where + ": operationId " + annotation.operationId() + " is used twice");
        }
        if (!annotation.operationId().matches("[a-z]+[A-Z][A-Za-z]+")) {
            violations.add(where + ": operationId " + annotation.operationId() + " is not a verb followed by a noun");
        }
        op.put("summary", annotation.summary());
        Security security = security(resource, method, where);
        String description = annotation.description();
        if (security.roles != null) {
            description = (description.isEmpty() ? "" : description + "\n\n") + "Roles: " + String.join(", ", security.roles) + ".";
        }
        if (!description.isEmpty()) {
            op.put("description", description);
        }
        op.put("operationId", annotation.operationId());

        ArrayNode parameters = NODES.arrayNode();
        checkedParameters = false;
        lookedUp = false;
        Parameter body = null;
        for (Parameter p : method.getParameters()) {
            if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(FormParam.class)) {
                continue;
            }
            if (p.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        parameter(f, f.getGenericType(), parameters);
                    }
                }
            } else if (!parameter(p, p.getParameterizedType(), parameters)) {
                body = p;
            }
        }
        if (!parameters.isEmpty()) {
            op.set("parameters", parameters);
        }
        Body kind = Body.NONE;
        if (body != null) {
            ObjectNode requestBody = requestBody(resource, method, body, where);
            kind = consumes(resource, method).contains(MediaType.WILDCARD) ? Body.ANY
                    : requestBody.path("content").has(JSON) ? Body.JSON : Body.TYPED;
            op.set("requestBody", requestBody);
        }
        op.set("responses", responses(resource, method, where, security, kind, path));
        if (!security.requirements.isEmpty()) {
            op.set("security", security.requirements);
        }
        return op;
    }

    /** Adds the parameter when it is one (path, query, header); answers false for the request body. */
    private boolean parameter(AnnotatedElement element, Type type, ArrayNode parameters) {
        String name;
        String in;
        if (element.isAnnotationPresent(PathParam.class)) {
            name = element.getAnnotation(PathParam.class).value();
            in = "path";
        } else if (element.isAnnotationPresent(QueryParam.class)) {
            name = element.getAnnotation(QueryParam.class).value();
            in = "query";
        } else if (element.isAnnotationPresent(HeaderParam.class)) {
            name = element.getAnnotation(HeaderParam.class).value();
            in = "header";
        } else {
            return element.isAnnotationPresent(CookieParam.class) || element.isAnnotationPresent(MatrixParam.class)
                    || element instanceof Field;
        }
        var documented = element.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class);
        if (in.equals("header") && Set.of("content-type", "accept", "authorization").contains(name.toLowerCase())
                || documented != null && documented.hidden()) {
            return true;
        }
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", in);
        if (documented != null && !documented.description().isEmpty()) {
            parameter.put("description", documented.description());
        }
        if (in.equals("path") || documented != null && documented.required()) {
            parameter.put("required", true);
        }
        ObjectNode schema = (ObjectNode) schemaOf(type, Map.of()).deepCopy();
        if (documented != null && !schema.has("$ref")) {
            applySchemaAnnotation(schema, documented.schema());
        }
        if (in.equals("query") && (type == int.class || type == Integer.class) && Set.of("page", "size").contains(name)) {
            schema.put("minimum", 1).put("maximum", name.equals("page") ? Page.MAX_PAGE : Page.MAX_SIZE);
            if (!parameter.has("description")) {
                parameter.put("description", name.equals("page") ? "Page number, from 1" : "Items per page");
            }
        }
        DefaultValue fallback = element.getAnnotation(DefaultValue.class);
        if (fallback != null) {
            schema.set("default", typed(schema, fallback.value()));
        }
        parameter.set("schema", schema);
        // Text in the path is the resource's to judge (an unknown text names nothing: 404); other values the server
        // converts or checks, and refuses with 400.
        boolean pathText = in.equals("path") && type == String.class;
        lookedUp |= in.equals("path") && !pathText;
        if (!pathText && (!"string".equals(schema.path("type").asText()) || schema.has("format") || schema.has("enum")
                || in.equals("header"))) {
            checkedParameters = true;
        }
        return true;
    }

    private ObjectNode requestBody(Class<?> resource, Method method, Parameter body, String where) {
        ObjectNode node = NODES.objectNode();
        RequestBody documented = method.getAnnotation(RequestBody.class);
        if (documented != null && !documented.description().isEmpty()) {
            node.put("description", documented.description());
        }
        ObjectNode content = node.putObject("content");
        if (documented != null && documented.content().length > 0) {
            for (Content c : documented.content()) {
                ObjectNode schema = NODES.objectNode();
                applySchemaAnnotation(schema, c.schema());
                content.putObject(c.mediaType()).set("schema", schema);
            }
        } else if (body.getType() == InputStream.class || body.getType() == byte[].class) {
            violations.add(where + ": a raw body needs @RequestBody with its content types");
        } else {
            JsonNode schema = schemaOf(body.getParameterizedType(), Map.of());
            for (String type : consumes(resource, method)) {
                content.putObject(type).set("schema", schema);
            }
        }
        if (body.isAnnotationPresent(NotNull.class) || documented != null && documented.required()) {
            node.put("required", true);
        }
        return node;
    }

    /** What an operation's request body is: none, JSON (validated), of other declared types, or of any type. */
    private enum Body { NONE, JSON, TYPED, ANY }

    private ObjectNode responses(Class<?> resource, Method method, String where, Security security, Body body,
                                 String path) {
        Map<String, List<APIResponse>> declared = new TreeMap<>();
        for (APIResponse r : method.getAnnotationsByType(APIResponse.class)) {
            declared.computeIfAbsent(r.responseCode(), c -> new ArrayList<>()).add(r);
        }
        Map<String, Failures> errors = new TreeMap<>();
        ObjectNode responses = NODES.objectNode();
        boolean success = false;
        for (var entry : declared.entrySet()) {
            String status = entry.getKey();
            if (status.startsWith("2") || status.startsWith("3")) {
                success = true;
                responses.set(status, success(resource, method, entry.getValue().get(0), where));
            } else {
                for (APIResponse r : entry.getValue()) {
                    errors.computeIfAbsent(status, s -> new Failures())
                            .add(errorCodes(where, status, r.description()), r.description());
                }
            }
        }
        if (!success) {
            violations.add(where + ": declares no successful response");
        }
        if (checkedParameters || body == Body.JSON) {
            common(errors, "400", "VALIDATION_FAILED");
        }
        if (body == Body.JSON) {
            common(errors, "400", "MALFORMED_JSON");
        }
        if (security.bearer != Bearer.NONE) {
            common(errors, "401", "UNAUTHORIZED");
        }
        if (security.bearer == Bearer.REQUIRED) {
            common(errors, "403", "FORBIDDEN");
        }
        if (lookedUp) {
            common(errors, "404", "NOT_FOUND");
        }
        if (body != Body.NONE) {
            common(errors, "413", "PAYLOAD_TOO_LARGE");
        }
        if (body == Body.JSON || body == Body.TYPED) {
            common(errors, "415", "UNSUPPORTED_MEDIA_TYPE");
        }
        if (rateLimited(method, path)) {
            common(errors, "429", "RATE_LIMITED");
        }
        common(errors, "500", "INTERNAL_ERROR");
        errors.forEach((status, failures) -> {
            ObjectNode response = responses.putObject(status);
            response.put("description", "- " + String.join("\n- ", failures.lines));
            if (failures.codes.contains("RATE_LIMITED") || failures.codes.contains("SERVICE_BUSY")) {
                response.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait")
                        .putObject("schema").put("type", "integer").put("format", "int64");
            }
            response.putObject("content").putObject(JSON).set("schema", ref(API_ERRORS));
        });
        defineErrorEnvelope();
        ObjectNode ordered = NODES.objectNode();
        new TreeMap<String, JsonNode>(toMap(responses)).forEach(ordered::set);
        return ordered;
    }

    private static Map<String, JsonNode> toMap(ObjectNode node) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** The failures of one status: the codes, and a line of description for each code or group of codes. */
    private static final class Failures {
        final Set<String> codes = new LinkedHashSet<>();
        final List<String> lines = new ArrayList<>();

        void add(List<String> named, String line) {
            codes.addAll(named);
            lines.add(line);
        }
    }

    /** A failure every operation of its kind may give, unless the operation describes that code itself. */
    private static void common(Map<String, Failures> errors, String status, String code) {
        Failures failures = errors.computeIfAbsent(status, s -> new Failures());
        if (!failures.codes.contains(code)) {
            failures.add(List.of(code), code + ": " + COMMON_ERRORS.get(code));
        }
    }

    /** The codes a failure's description names; each must exist and travel with that status. */
    private List<String> errorCodes(String where, String status, String description) {
        List<String> codes = new ArrayList<>();
        Matcher m = java.util.regex.Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{4,}\\b").matcher(description);
        while (m.find()) {
            String token = m.group();
            ErrorCode code = Arrays.stream(ErrorCode.values()).filter(c -> c.name().equals(token)).findFirst().orElse(null);
            if (code == null) {
                continue;
            }
            if (!String.valueOf(code.status()).equals(status)) {
                violations.add(where + ": " + token + " travels with " + code.status() + ", not " + status);
            }
            codes.add(token);
        }
        if (codes.isEmpty()) {
            violations.add(where + ": the " + status + " response names no error code: " + description);
        }
        return codes;
    }

    private ObjectNode success(Class<?> resource, Method method, APIResponse declared, String where) {
        ObjectNode response = NODES.objectNode();
        response.put("description", declared.description());
        if (declared.responseCode().startsWith("3")) {
            response.putObject("headers").putObject("Location").put("description", "Where to go")
                    .putObject("schema").put("type", "string");
            return response;
        }
        List<String> produced = produces(resource, method);
        if (declared.content().length == 0) {
            if (produced.contains(JSON)) {
                defineMessageResponse();
                response.putObject("content").putObject(JSON).set("schema", ref(MESSAGE_RESPONSE));
            } else {
                violations.add(where + ": a " + declared.responseCode() + " response of " + produced + " needs its content");
            }
            return response;
        }
        ObjectNode content = response.putObject("content");
        for (Content c : declared.content()) {
            String mediaType = c.mediaType().isEmpty() ? JSON : c.mediaType();
            if (!mediaType.equals(JSON)) {
                ObjectNode schema = NODES.objectNode();
                applySchemaAnnotation(schema, c.schema());
                content.putObject(mediaType).set("schema", schema);
                continue;
            }
            String payload = payloadName(c.schema(), where);
            if (payload != null) {
                content.putObject(JSON).set("schema", ref(envelope(payload)));
            }
        }
        return response;
    }

    /** The schema name of a success payload: X, XPage (a page of X) or XList (a list of X); defines it. */
    private String payloadName(Schema schema, String where) {
        if (schema.implementation() != Void.class) {
            JsonNode item = schemaOf(schema.implementation(), Map.of());
            String name = item.path("$ref").asText().replace("#/components/schemas/", "");
            if (name.isEmpty()) {
                violations.add(where + ": payload " + schema.implementation() + " is not a named schema");
                return null;
            }
            return schema.type() == SchemaType.ARRAY ? list(name) : name;
        }
        String ref = schema.ref();
        if (ref.isEmpty()) {
            violations.add(where + ": a JSON success response needs its payload schema");
            return null;
        }
        if (namedTypes.containsKey(ref)) {
            schemaOf(namedTypes.get(ref), Map.of());
            return ref;
        }
        if (ref.endsWith("Page") && namedTypes.containsKey(ref.substring(0, ref.length() - 4))) {
            String item = ref.substring(0, ref.length() - 4);
            Class<?> itemType = namedTypes.get(item);
            if (!schemas.containsKey(ref)) {
                schemas.put(ref, NODES.objectNode());
                ObjectNode page = objectSchema(Page.class, Map.of(Page.class.getTypeParameters()[0], schemaOf(itemType, Map.of())));
                page.put("description", "One page of " + item + ", with the total for pagers. Pages are numbered from 1.");
                page.putArray("required").add("items").add("page").add("size").add("total");
                schemas.put(ref, page);
            }
            return ref;
        }
        if (ref.endsWith("List") && namedTypes.containsKey(ref.substring(0, ref.length() - 4))) {
            schemaOf(namedTypes.get(ref.substring(0, ref.length() - 4)), Map.of());
            return list(ref.substring(0, ref.length() - 4));
        }
        violations.add(where + ": payload " + ref + " names no schema (X, XPage or XList of a type with @Schema(name = X))");
        return null;
    }

    private String list(String item) {
        String name = item + "List";
        ObjectNode array = NODES.objectNode().put("type", "array");
        array.set("items", ref(item));
        schemas.putIfAbsent(name, array);
        return name;
    }

    /** The success envelope around a payload: XResponse. */
    private String envelope(String payload) {
        String name = payload + "Response";
        if (!schemas.containsKey(name)) {
            ObjectNode envelope = NODES.objectNode().put("type", "object")
                    .put("description", "A successful answer: " + payload + " in the response envelope.");
            envelope.putArray("required").add("success").add("data").add("timestamp");
            ObjectNode properties = envelope.putObject("properties");
            properties.putObject("success").put("type", "boolean").put("example", true);
            properties.set("data", ref(payload));
            properties.putObject("message").put("type", "string").put("example", "Operation successful");
            properties.set("timestamp", timestamp());
            schemas.put(name, envelope);
        }
        return name;
    }

    private void defineMessageResponse() {
        if (!schemas.containsKey(MESSAGE_RESPONSE)) {
            ObjectNode envelope = NODES.objectNode().put("type", "object")
                    .put("description", "A successful answer that carries no data, only a message.");
            envelope.putArray("required").add("success").add("message").add("timestamp");
            ObjectNode properties = envelope.putObject("properties");
            properties.putObject("success").put("type", "boolean").put("example", true);
            properties.putObject("message").put("type", "string").put("example", "Deleted");
            properties.set("timestamp", timestamp());
            schemas.put(MESSAGE_RESPONSE, envelope);
        }
    }

    private void defineErrorEnvelope() {
        if (!schemas.containsKey(API_ERRORS)) {
            ObjectNode envelope = NODES.objectNode().put("type", "object").put("description",
                    "A failed answer. error.code is one of the stable ErrorCode values; each operation lists the codes "
                            + "it can answer with under each status.");
            envelope.putArray("required").add("success").add("error").add("timestamp");
            ObjectNode properties = envelope.putObject("properties");
            properties.putObject("success").put("type", "boolean").put("example", false);
            properties.set("error", schemaOf(ApiError.class, Map.of()));
            properties.set("timestamp", timestamp());
            schemas.put(API_ERRORS, envelope);
        }
    }

    private static ObjectNode timestamp() {
        return NODES.objectNode().put("type", "string").put("format", "date-time").put("example", "2026-05-01T19:00:00Z");
    }

    // --- security --------------------------------------------------------------------------------------------

    private enum Bearer { NONE, OPTIONAL, REQUIRED }

    private record Security(ArrayNode requirements, Bearer bearer, List<String> roles) {
    }

    private Security security(Class<?> resource, Method method, String where) {
        List<String> roles = null;
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            roles = List.of(method.getAnnotation(RolesAllowed.class).value());
        } else if (!method.isAnnotationPresent(PermitAll.class) && !method.isAnnotationPresent(DenyAll.class)
                && resource.isAnnotationPresent(RolesAllowed.class)) {
            roles = List.of(resource.getAnnotation(RolesAllowed.class).value());
        } else if (!method.isAnnotationPresent(PermitAll.class) && !resource.isAnnotationPresent(PermitAll.class)) {
            violations.add(where + ": say who may call it (@RolesAllowed or @PermitAll)");
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            // Payara's MP-JWT answers a method's @PermitAll with a filter that authenticates the request a second
            // time (RolesAllowedRequestFilter): a tenth of a public page's CPU. The class says it instead.
            violations.add(where + ": @PermitAll on the method authenticates every call twice; put it on the class "
                    + "(with @RolesAllowed on its other methods)");
        }
        List<List<String>> alternatives = explicitSecurity(method);
        if (alternatives == null) {
            alternatives = explicitSecurity(resource);
        }
        if (alternatives == null) {
            alternatives = roles == null ? List.of() : List.of(List.of("bearer"));
        }
        ArrayNode requirements = NODES.arrayNode();
        boolean anonymous = alternatives.isEmpty();
        boolean bearer = false;
        for (List<String> set : alternatives) {
            ObjectNode requirement = requirements.addObject();
            anonymous |= set.isEmpty();
            for (String scheme : set) {
                if (!securitySchemes.contains(scheme)) {
                    violations.add(where + ": security scheme " + scheme + " is not declared");
                }
                bearer |= scheme.equals("bearer");
                requirement.putArray(scheme);
            }
        }
        if (roles != null && (anonymous || !bearer)) {
            violations.add(where + ": @RolesAllowed needs a bearer token, but its security says otherwise");
        }
        if (roles == null && !anonymous && bearer) {
            violations.add(where + ": @PermitAll, but its security requires a bearer token");
        }
        return new Security(requirements, !bearer ? Bearer.NONE : anonymous ? Bearer.OPTIONAL : Bearer.REQUIRED, roles);
    }

    /** The alternatives an element's security annotations declare (each a set of schemes), or null when none. */
    private static List<List<String>> explicitSecurity(AnnotatedElement element) {
        List<List<String>> sets = new ArrayList<>();
        for (SecurityRequirementsSet set : element.getAnnotationsByType(SecurityRequirementsSet.class)) {
            sets.add(Arrays.stream(set.value()).map(SecurityRequirement::name).toList());
        }
        for (SecurityRequirement requirement : element.getAnnotationsByType(SecurityRequirement.class)) {
            sets.add(List.of(requirement.name()));
        }
        return sets.isEmpty() ? null : sets;
    }

    private static ObjectNode securityScheme(SecurityScheme scheme) {
        ObjectNode node = NODES.objectNode();
        switch (scheme.type()) {
            case HTTP -> node.put("type", "http").put("scheme", scheme.scheme()).put("bearerFormat", scheme.bearerFormat());
            case APIKEY -> node.put("type", "apiKey").put("name", scheme.apiKeyName())
                    .put("in", scheme.in().name().toLowerCase());
            default -> throw new IllegalStateException("unsupported security scheme type " + scheme.type());
        }
        node.put("description", scheme.description());
        return node;
    }

    /** Whether the API's rate limits count this operation (RateLimits exempts provider webhooks). */
    private static boolean rateLimited(Method method, String path) {
        try {
            Class<?> limits = Class.forName("com.eventix.platform.web.RateLimits");
            Method familyOf = limits.getDeclaredMethod("familyOf", String.class, String.class);
            familyOf.setAccessible(true);
            Object family = familyOf.invoke(null, httpMethod(method).toUpperCase(),
                    path.substring(EventixApplication.class.getAnnotation(ApplicationPath.class).value().length()));
            return !family.toString().equals("EXEMPT");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("RateLimits.familyOf(method, path) is how the contract knows rate limits", e);
        }
    }

    // --- schemas -----------------------------------------------------------------------------------------------

    /** The schema of a Java type as JSON-B writes it: named types by reference, defined once. */
    private JsonNode schemaOf(Type type, Map<TypeVariable<?>, JsonNode> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            JsonNode bound = bindings.get(variable);
            if (bound == null) {
                throw new IllegalStateException("unbound type variable " + variable);
            }
            return bound;
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", schemaOf(p.getActualTypeArguments()[0], bindings));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                Type value = p.getActualTypeArguments()[1];
                if (value == Object.class) {
                    map.put("additionalProperties", true);
                } else {
                    map.set("additionalProperties", schemaOf(value, bindings));
                }
                return map;
            }
            return schemaOf(raw, bindings);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (c == UUID.class) {
            return NODES.objectNode().put("type", "string").put("format", "uuid");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c == LocalDate.class) {
            return NODES.objectNode().put("type", "string").put("format", "date");
        }
        if (c == boolean.class || c == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == BigDecimal.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (c == byte[].class) {
            return NODES.objectNode().put("type", "string").put("format", "binary");
        }
        if (c == Object.class || Map.class.isAssignableFrom(c)) {
            return NODES.objectNode().put("type", "object").put("additionalProperties", true);
        }
        if (c.isPrimitive() || Number.class.isAssignableFrom(c) || c.getName().startsWith("java.")) {
            throw new IllegalStateException("no schema for " + c.getName() + "; add it to ContractDocument.schemaOf");
        }
        String name = schemaName(c);
        if (!schemas.containsKey(name)) {
            Class<?> other = namedTypes.putIfAbsent(name, c);
            if (other != null && other != c) {
                violations.add("schema name " + name + " is used by " + other.getName() + " and " + c.getName());
            }
            schemas.put(name, NODES.objectNode()); // recursion guard
            schemas.put(name, c.isEnum() ? enumSchema(c) : objectSchema(c, Map.of()));
        }
        return ref(name);
    }

    private ObjectNode ref(String name) {
        referenced.add(name);
        return NODES.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** @Schema(name), else the simple name, prefixed with the enclosing type's for nested enums (EventStatus). */
    private static String schemaName(Class<?> c) {
        Schema schema = c.getAnnotation(Schema.class);
        if (schema != null && !schema.name().isEmpty()) {
            return schema.name();
        }
        return c.isEnum() && c.getEnclosingClass() != null ? c.getEnclosingClass().getSimpleName() + c.getSimpleName()
                : c.getSimpleName();
    }

    private static ObjectNode enumSchema(Class<?> c) {
        ObjectNode node = NODES.objectNode().put("type", "string");
        Schema schema = c.getAnnotation(Schema.class);
        if (schema != null && !schema.description().isEmpty()) {
            node.put("description", schema.description());
        }
        ArrayNode values = node.putArray("enum");
        Arrays.stream(c.getEnumConstants()).forEach(v -> values.add(((Enum<?>) v).name()));
        return node;
    }

    private ObjectNode objectSchema(Class<?> c, Map<TypeVariable<?>, JsonNode> bindings) {
        ObjectNode node = NODES.objectNode().put("type", "object");
        Schema annotation = c.getAnnotation(Schema.class);
        if (annotation != null && !annotation.description().isEmpty()) {
            node.put("description", annotation.description());
        }
        List<String> required = new ArrayList<>();
        ObjectNode properties = NODES.objectNode();
        for (Map.Entry<String, Field> property : properties(c).entrySet()) {
            Field field = property.getValue();
            Schema documented = field.getAnnotation(Schema.class);
            if (documented != null && documented.hidden()) {
                continue;
            }
            JsonNode base;
            if (documented != null && !documented.ref().isEmpty()) {
                base = ref(documented.ref());
            } else if (documented != null && documented.implementation() != Void.class) {
                base = schemaOf(documented.implementation(), bindings);
                if (documented.type() == SchemaType.ARRAY) {
                    ObjectNode array = NODES.objectNode().put("type", "array");
                    array.set("items", base);
                    base = array;
                }
            } else {
                base = schemaOf(field.getGenericType(), bindings);
            }
            if (base.has("$ref")) {
                properties.set(property.getKey(), base);
            } else {
                ObjectNode schema = base.deepCopy();
                if (documented != null) {
                    applySchemaAnnotation(schema, documented);
                }
                constraints(field, schema);
                properties.set(property.getKey(), schema);
            }
            if (field.getType().isPrimitive() || field.isAnnotationPresent(NotNull.class)
                    || field.isAnnotationPresent(NotBlank.class) || field.isAnnotationPresent(NotEmpty.class)
                    || documented != null && documented.required()) {
                required.add(property.getKey());
            }
        }
        if (!required.isEmpty()) {
            ArrayNode list = node.putArray("required");
            required.forEach(list::add);
        }
        node.set("properties", properties);
        return node;
    }

    /** What JSON-B writes: a record's components, or a class's public instance fields (superclass first). */
    private static Map<String, Field> properties(Class<?> c) {
        Map<String, Field> fields = new LinkedHashMap<>();
        try {
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    fields.put(component.getName(), c.getDeclaredField(component.getName()));
                }
                return fields;
            }
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            chain.add(0, k);
        }
        for (Class<?> k : chain) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
                    fields.put(f.getName(), f);
                }
            }
        }
        return fields;
    }

    private static void constraints(Field field, ObjectNode schema) {
        boolean text = "string".equals(schema.path("type").asText());
        boolean array = "array".equals(schema.path("type").asText());
        if ((field.isAnnotationPresent(NotBlank.class) || field.isAnnotationPresent(NotEmpty.class)) && text) {
            schema.put("minLength", 1);
        }
        if (field.isAnnotationPresent(NotEmpty.class) && array) {
            schema.put("minItems", 1);
        }
        Size size = field.getAnnotation(Size.class);
        if (size != null) {
            if (size.min() > 0 && !(text && size.min() == 1 && schema.has("minLength"))) {
                schema.put(text ? "minLength" : "minItems", size.min());
            }
            if (size.max() != Integer.MAX_VALUE) {
                schema.put(text ? "maxLength" : "maxItems", size.max());
            }
        }
        Min min = field.getAnnotation(Min.class);
        if (min != null) {
            schema.put("minimum", min.value());
        }
        Max max = field.getAnnotation(Max.class);
        if (max != null) {
            schema.put("maximum", max.value());
        }
        DecimalMin decimalMin = field.getAnnotation(DecimalMin.class);
        if (decimalMin != null) {
            schema.put("minimum", new BigDecimal(decimalMin.value()));
        }
        DecimalMax decimalMax = field.getAnnotation(DecimalMax.class);
        if (decimalMax != null) {
            schema.put("maximum", new BigDecimal(decimalMax.value()));
        }
        Pattern pattern = field.getAnnotation(Pattern.class);
        if (pattern != null) {
            schema.put("pattern", pattern.regexp());
        }
        if (field.isAnnotationPresent(Email.class) && !schema.has("format")) {
            schema.put("format", "email");
        }
    }

    /**
     * What an @Schema annotation adds to a schema: type and format (of an array: of its items; an array stays one),
     * description, example, default, enum.
     */
    private static void applySchemaAnnotation(ObjectNode schema, Schema annotation) {
        boolean array = "array".equals(schema.path("type").asText());
        if (annotation.type() != SchemaType.DEFAULT && !array) {
            schema.put("type", annotation.type().toString().toLowerCase());
        }
        if (!annotation.format().isEmpty()) {
            if (!array) {
                schema.put("format", annotation.format());
            } else if (schema.get("items") instanceof ObjectNode items && !items.has("$ref")) {
                items.put("format", annotation.format());
            }
        }
        if (!annotation.description().isEmpty()) {
            schema.put("description", annotation.description());
        }
        if (annotation.enumeration().length > 0) {
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(annotation.enumeration()).forEach(values::add);
        }
        if (!annotation.example().isEmpty()) {
            schema.set("example", typed(schema, annotation.example()));
        }
        if (!annotation.defaultValue().isEmpty()) {
            schema.set("default", typed(schema, annotation.defaultValue()));
        }
    }

    /** A value written in an annotation, as the JSON of the schema's type. */
    private static JsonNode typed(JsonNode schema, String value) {
        return switch (schema.path("type").asText()) {
            case "integer" -> NODES.numberNode(Long.parseLong(value));
            case "number" -> NODES.numberNode(new BigDecimal(value));
            case "boolean" -> NODES.booleanNode(Boolean.parseBoolean(value));
            default -> NODES.textNode(value);
        };
    }

    // --- JAX-RS ------------------------------------------------------------------------------------------------

    private static String httpMethod(Method method) {
        for (var verb : Map.of(GET.class, "get", POST.class, "post", PUT.class, "put", DELETE.class, "delete",
                PATCH.class, "patch").entrySet()) {
            if (method.isAnnotationPresent(verb.getKey())) {
                return verb.getValue();
            }
        }
        return null;
    }

    private static List<String> produces(Class<?> resource, Method method) {
        Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : resource.getAnnotation(Produces.class);
        return produces == null ? List.of(JSON) : List.of(produces.value());
    }

    private static List<String> consumes(Class<?> resource, Method method) {
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return consumes == null ? List.of(JSON) : List.of(consumes.value());
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String p = part.startsWith("/") ? part.substring(1) : part;
            p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            if (!p.isEmpty()) {
                path.append('/').append(p);
            }
        }
        return path.toString();
    }

    /** Every class compiled from src/main/java, loaded without initialising it. */
    /**
     * JAX-RS picks the root resource class whose path has the most literal characters first and then looks for a
     * method only in it: a class at {@code /organizers/me} hides {@code GET /organizers/me} of the class at
     * {@code /organizers} (it answers 404). Every operation must be reachable through its own class.
     */
    private static void shadowedOperations(List<Class<?>> classes, List<String> violations) {
        for (Class<?> shadowing : classes) {
            if (!shadowing.isAnnotationPresent(Path.class)) {
                continue;
            }
            String prefix = templated(shadowing.getAnnotation(Path.class).value());
            for (Class<?> owner : classes) {
                if (owner == shadowing || !owner.isAnnotationPresent(Path.class)) {
                    continue;
                }
                String ownerPath = templated(owner.getAnnotation(Path.class).value());
                if (literal(ownerPath) >= literal(prefix)) {
                    continue;
                }
                for (Method method : owner.getDeclaredMethods()) {
                    if (httpMethod(method) == null) {
                        continue;
                    }
                    String full = templated(ownerPath + "/" + (method.isAnnotationPresent(Path.class)
                            ? method.getAnnotation(Path.class).value() : ""));
                    if (full.equals(prefix) || full.startsWith(prefix + "/")) {
                        violations.add(owner.getSimpleName() + "." + method.getName() + " (" + full + ") is hidden by "
                                + shadowing.getSimpleName() + " at " + prefix + ": give that class a path of its own");
                    }
                }
            }
        }
    }

    /** A path with every template as {}, without doubled or trailing slashes. */
    private static String templated(String path) {
        String p = ("/" + path).replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static int literal(String templated) {
        return templated.replace("{}", "").length();
    }

    private static List<Class<?>> mainClasses() {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(
                    EventixApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Class<?>> classes = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.class$", "");
                    if (!name.endsWith("package-info")) {
                        classes.add(Class.forName(name, false, ContractDocument.class.getClassLoader()));
                    }
                }
            }
            return classes;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the compiled main classes", e);
        }
    }
}
