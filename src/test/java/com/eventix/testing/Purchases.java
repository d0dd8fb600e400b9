package com.eventix.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tickets bought as a buyer buys them: reserved, ordered and paid on the sandbox provider's checkout page. */
public final class Purchases {
    /** How long a payment may take to be confirmed (the sandbox's webhook arrives on its own). */
    private static final Duration PAYMENT_CONFIRMED_WITHIN = Duration.ofSeconds(60);

    private Purchases() {
    }

    /** A paid order and its tickets. */
    public record Paid(String orderId, List<String> ticketIds) {
    }

    /**
     * {@code quantity} tickets of the tier, reserved and ordered by {@code buyer} and paid in the payer's browser on
     * the sandbox's checkout page; answers once the order is PAID with exactly that many tickets.
     */
    public static Paid paid(Api buyer, String tierId, int quantity) throws Exception {
        String hold = buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", quantity))
                .then().statusCode(201).extract().jsonPath().getString("data.reservationId");
        JsonPath checkout = buyer.post("/api/v1/orders", Map.of("reservationIds", List.of(hold)))
                .then().statusCode(201).extract().jsonPath();
        payOnTheCheckoutPage(buyer, checkout.getString("data.paymentUrl"));
        String orderId = checkout.getString("data.orderId");
        List<String> tickets = awaitOrder(buyer, orderId, "PAID", PAYMENT_CONFIRMED_WITHIN)
                .getList("data.ticketIds", String.class);
        assertThat(tickets).hasSize(quantity);
        return new Paid(orderId, tickets);
    }

    /** The payer's browser (no token of the buyer's, an address of its own) pays on the sandbox's checkout page. */
    private static void payOnTheCheckoutPage(Api buyer, String paymentUrl) throws MalformedURLException {
        Api browser = Api.at(URI.create(buyer.base()).toURL());
        String page = URI.create(paymentUrl).getPath();
        browser.request().accept("text/html").post(page + "/pay").then().statusCode(200);
    }

    /** The buyer's order once it is in {@code status}, read until {@code within} has passed. */
    public static JsonPath awaitOrder(Api buyer, String orderId, String status, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            JsonPath order = buyer.get("/api/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath();
            if (status.equals(order.getString("data.status"))) {
                return order;
            }
            assertThat(Instant.now()).as("order " + orderId + " becomes " + status + ", is "
                    + order.getString("data.status")).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
