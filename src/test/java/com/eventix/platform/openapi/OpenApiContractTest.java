package com.eventix.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document (META-INF/openapi.yaml, which the server serves) is exactly what the code declares,
 * and openapi-generator's validator finds nothing wrong with it. After a deliberate change of the API, refresh it
 * with {@code mvn test -Dtest=OpenApiContractTest -Dopenapi.refresh=true -Dcodegen.skip=true} and review its diff.
 */
class OpenApiContractTest {

    @Test
    void theCommittedDocumentIsWhatTheCodeDeclares() throws IOException {
        JsonNode declared = ContractDocument.build();
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.writeString(OpenApiDocuments.COMMITTED, OpenApiDocuments.yaml(declared));
        }
        assertThat(OpenApiDocuments.difference(declared, OpenApiDocuments.parse(OpenApiDocuments.committedText())))
                .as("%s is stale: the code declares another API. If that change is meant, refresh the file with "
                        + "mvn test -Dtest=OpenApiContractTest -Dopenapi.refresh=true -Dcodegen.skip=true and review its diff",
                        OpenApiDocuments.COMMITTED)
                .isEmpty();
    }

    @Test
    void theCommittedDocumentValidatesWithoutErrorsOrWarnings() {
        assertThat(OpenApiDocuments.problems(OpenApiDocuments.committedText())).isEmpty();
    }

    @Test
    void aResourceThatBreaksTheConventionsIsRefusedWithEveryReason() {
        assertThatThrownBy(() -> ContractDocument.build(List.of(CarelessResource.class)))
                .hasMessageContaining("CarelessResource.first: operationId listEvents is used twice")
                .hasMessageContaining("CarelessResource.first: path template /api/v1/careless/{id: [0-9]+} carries a "
                        + "regular expression")
                .hasMessageContaining("CarelessResource.first: TICKET_NOT_AVAILABLE travels with 409, not 400")
                .hasMessageContaining("CarelessResource.second: needs @Operation with an operationId and a summary")
                .hasMessageContaining("CarelessResource.third: the 404 response names no error code")
                .hasMessageContaining("CarelessResource.third: payload Nowhere names no schema");
    }

    @Test
    void theValidatorFindsWhatIntegratorsTrippedOver() {
        String broken = """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                tags: [{name: Events}, {name: Events}]
                paths:
                  "/tickets/{id: [0-9a-f]+}":
                    get: {operationId: get, responses: {"200": {description: ok}}}
                  /events:
                    get: {operationId: get, responses: {"200": {description: ok}}}
                components:
                  schemas:
                    Unused: {type: object}
                """;
        assertThat(OpenApiDocuments.problems(broken)).anyMatch(p -> p.startsWith("error:"))
                .anyMatch(p -> p.contains("Unused model"));
    }

    /** A resource as it must not be written. */
    @Path("/careless")
    @Tag(name = "Events")
    @PermitAll
    public static class CarelessResource {
        @GET
        @Path("/{id: [0-9]+}")
        @Operation(operationId = "listEvents", summary = "Clashes with the real listEvents")
        @APIResponse(responseCode = "200", description = "ok", content = @Content(schema = @Schema(ref = "Event")))
        @APIResponse(responseCode = "400", description = "TICKET_NOT_AVAILABLE: wrong status for this code")
        public Response first(@PathParam("id") UUID id) {
            return null;
        }

        @POST
        @RolesAllowed("ADMIN")
        public Response second() {
            return null;
        }

        @GET
        @Path("/third")
        @Operation(operationId = "getThird", summary = "Names a payload nobody defines")
        @APIResponse(responseCode = "200", description = "ok", content = @Content(schema = @Schema(ref = "Nowhere")))
        @APIResponse(responseCode = "404", description = "Not there")
        public Response third() {
            return null;
        }
    }
}
