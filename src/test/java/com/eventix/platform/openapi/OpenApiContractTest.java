package com.eventix.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document (META-INF/openapi.yaml, which the server serves) is exactly what the code declares,
 * and openapi-generator's validator finds nothing wrong with it. After a deliberate change of the API, refresh it
 * with {@code mvn test -Dtest=OpenApiContractTest -Dopenapi.refresh=true} and review its diff.
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
                        + "mvn test -Dtest=OpenApiContractTest -Dopenapi.refresh=true and review its diff",
                        OpenApiDocuments.COMMITTED)
                .isEmpty();
    }

    @Test
    void theCommittedDocumentValidatesWithoutErrorsOrWarnings() {
        assertThat(OpenApiDocuments.problems(OpenApiDocuments.committedText())).isEmpty();
    }
}
