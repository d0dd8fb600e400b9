package com.eventix.platform.api;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document served at /openapi is META-INF/openapi.yaml as it is: the API's contract, built from the
 * resources' annotations and the payload types by the tests' ContractDocument, which also keep the file equal to
 * what the code declares (annotation scanning is off: Payara's scanner mistypes UUIDs, instants and enums). Payara
 * adds a non-standard top-level "endpoints" listing to whatever it serves; this filter removes it, so that the
 * document stays plain OpenAPI for client generators.
 */
public class OpenApiDocument implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            // Empty rather than null: Payara copies the listing whenever it serves the document, and leaves an empty one out.
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new TreeMap<>());
        } catch (ReflectiveOperationException | RuntimeException notPayara) {
            // Another MicroProfile OpenAPI implementation adds no such listing.
        }
    }
}
