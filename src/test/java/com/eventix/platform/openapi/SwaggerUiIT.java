package com.eventix.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Browser;
import com.eventix.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Swagger UI as an integrator opens it, in a real browser: it loads the served document without errors, shows
 * every tag and every operation of the contract, and "Try it out" on a public operation reaches the server.
 */
class SwaggerUiIT extends IntegrationTest {

    @Test
    void swaggerUiRendersEveryOperationOfTheContractAndTriesOneOut() {
        JsonNode contract = OpenApiDocuments.parse(OpenApiDocuments.committedText());
        List<String> operations = new ArrayList<>();
        contract.get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                operations.add(operation.get("operationId").asText());
            }
        }));
        List<String> tags = new ArrayList<>();
        contract.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));

        try (Browser browser = Browser.headless()) {
            browser.driver().get(api().base() + "/swagger-ui/");
            browser.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector(".opblock"), operations.size()));
            assertThat(browser.driver().findElements(By.cssSelector(".errors-wrapper"))).as("Swagger UI's error panel")
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector(".opblock-tag")))
                    .extracting(tag -> tag.getAttribute("data-tag")).containsExactlyElementsOf(tags);
            assertThat(browser.driver().findElements(By.cssSelector(".opblock .opblock-summary-operation-id")))
                    .extracting(WebElement::getText).containsExactlyInAnyOrderElementsOf(operations);

            WebElement listEvents = browser.driver().findElement(By.id("operations-Events-listEvents"));
            listEvents.findElement(By.cssSelector(".opblock-summary")).click();
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                    listEvents.findElement(By.cssSelector(".try-out__btn")))).click();
            listEvents.findElement(By.cssSelector(".execute")).click();
            WebElement status = browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#operations-Events-listEvents .live-responses-table tr.response .response-col_status")));
            assertThat(status.getText()).startsWith("200");
            assertThat(listEvents.findElement(By.cssSelector(".live-responses-table .microlight")).getText())
                    .contains("\"success\": true");

            assertThat(browser.consoleErrors()).as("the browser's console")
                    .filteredOn(message -> !message.contains("favicon.ico")).isEmpty();
        }
    }
}
