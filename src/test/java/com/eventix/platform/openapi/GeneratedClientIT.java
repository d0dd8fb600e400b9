package com.eventix.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.eventix.client.ApiClient;
import com.eventix.client.ApiException;
import com.eventix.client.api.AdminApi;
import com.eventix.client.api.BookingApi;
import com.eventix.client.api.CheckInApi;
import com.eventix.client.api.EventsApi;
import com.eventix.client.api.IdentityApi;
import com.eventix.client.api.PaymentsApi;
import com.eventix.client.api.PayoutsApi;
import com.eventix.client.api.TicketsApi;
import com.eventix.client.model.AdminUser;
import com.eventix.client.model.CheckinScan;
import com.eventix.client.model.ErrorCode;
import com.eventix.client.model.ErrorEnvelope;
import com.eventix.client.model.Event;
import com.eventix.client.model.EventStatus;
import com.eventix.client.model.EventSummary;
import com.eventix.client.model.IssuedScannerDevice;
import com.eventix.client.model.LoginRequest;
import com.eventix.client.model.Order;
import com.eventix.client.model.OrderCheckout;
import com.eventix.client.model.OrderRequest;
import com.eventix.client.model.PayoutAccount;
import com.eventix.client.model.PayoutAccountRequest;
import com.eventix.client.model.PayoutBalance;
import com.eventix.client.model.ReasonRequest;
import com.eventix.client.model.OrderRefundStatus;
import com.eventix.client.model.Refund;
import com.eventix.client.model.RefundPolicyMode;
import com.eventix.client.model.RefundPolicyRequest;
import com.eventix.client.model.RefundRequest;
import com.eventix.client.model.ScanDirection;
import com.eventix.client.model.ScanResult;
import com.eventix.client.model.ScannerDeviceRequest;
import com.eventix.client.model.ScannerToken;
import com.eventix.client.model.ScannerTokenRequest;
import com.eventix.client.model.TicketTransfer;
import com.eventix.client.model.TicketTransferRequest;
import com.eventix.client.model.TicketTransferStatus;
import com.eventix.client.model.TransferRole;
import com.eventix.client.model.VerifyEmailRequest;
import com.eventix.testing.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.eventix.client.model.OrderStatus;
import com.eventix.client.model.PaymentStatus;
import com.eventix.client.model.RegisterRequest;
import com.eventix.client.model.Reservation;
import com.eventix.client.model.ReservationStatus;
import com.eventix.client.model.ReserveRequest;
import com.eventix.client.model.Ticket;
import com.eventix.client.model.TicketKey;
import com.eventix.client.model.TicketStatus;
import com.eventix.client.model.TicketTier;
import com.eventix.client.model.User;
import com.eventix.client.model.UserStatus;
import com.eventix.client.model.ValidateTicketRequest;
import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.TestUsers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI contract as integrators meet it: the served document is the committed one and openapi-generator finds
 * nothing wrong with it, and a Java client generated from it at build time (openapi-generator's native library)
 * runs the whole attendee flow, a ticket given away and another refunded, the door (a scanner device, its token, a
 * ticket admitted once), the organizer's payout account and balance and an admin's ban, and gets the main failures as
 * typed errors, with no hand-written JSON. Only the organizer's event is set up with the suite's helpers, and the
 * sandbox's checkout page (HTML for people) is posted to directly.
 */
class GeneratedClientIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(20, ChronoUnit.DAYS);
    private static final Pattern VERIFICATION_TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]{43})");


    @Test
    void theServedDocumentIsTheCommittedContract() {
        JsonNode committed = OpenApiDocuments.parse(OpenApiDocuments.committedText());
        String yaml = api().get("/openapi").then().statusCode(200).extract().asString();
        String json = api().get("/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(OpenApiDocuments.difference(committed, OpenApiDocuments.parse(yaml))).as("served YAML").isEmpty();
        assertThat(OpenApiDocuments.difference(committed, OpenApiDocuments.parse(json))).as("served JSON").isEmpty();
    }

    @Test
    void theServedDocumentValidatesWithoutErrorsOrWarnings() {
        String served = api().get("/openapi").then().statusCode(200).extract().asString();
        assertThat(OpenApiDocuments.problems(served)).isEmpty();
    }

    @Test
    void aGeneratedClientRegistersFindsReservesOrdersAndGetsItsTickets() throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, "contract");
        String word = "contractfest" + letters();
        String eventId = organizer.published(admin, Organizer.eventBody("Jazz " + word, "music", "Open air", SOON), "25.50");

        ApiClient anonymous = client(null);
        String email = TestUsers.uniqueEmail("integrator");
        User user = new IdentityApi(anonymous).registerUser(new RegisterRequest().email(email)
                .password("integrator passphrase").firstName("Ines").lastName("Integrator")).getData();
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.getId()).isNotNull();
        String token = new IdentityApi(anonymous).loginUser(new LoginRequest().email(email)
                .password("integrator passphrase")).getData().getAccessToken();
        ApiClient buyer = client(token);

        EventsApi events = new EventsApi(buyer);
        Event event = events.getEvent(UUID.fromString(eventId)).getData();
        assertThat(event.getStatus()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(event.getCurrency()).isEqualTo("USD");
        TicketTier tier = event.getTiers().get(0);
        assertThat(tier.getPrice()).isEqualByComparingTo("25.50");
        assertThat(events.listEventTiers(event.getId()).getData()).extracting(TicketTier::getId).containsExactly(tier.getId());
        List<EventSummary> listed = events.listEvents(null, null, null, null, null, null, event.getOrganizerId(), 1, 20,
                "startTime").getData().getItems();
        assertThat(listed).extracting(EventSummary::getId).contains(event.getId());
        List<EventSummary> found = events.searchEvents(word, null, null, null, null, null, null, null, 1, 20, null)
                .getData().getItems();
        assertThat(found).extracting(EventSummary::getId).containsExactly(event.getId());
        assertThat(found.get(0).getStatus()).isEqualTo(EventStatus.PUBLISHED);

        Reservation hold = new BookingApi(buyer).reserveTickets(new ReserveRequest().tierId(tier.getId()).quantity(2),
                UUID.randomUUID().toString()).getData();
        assertThat(hold.getStatus()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(hold.getTotal()).isEqualByComparingTo("51.00");

        PaymentsApi payments = new PaymentsApi(buyer);
        OrderCheckout checkout = payments.createOrder(new OrderRequest().reservationIds(List.of(hold.getReservationId())),
                UUID.randomUUID().toString()).getData();
        assertThat(checkout.getStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        payOnTheCheckoutPage(checkout.getPaymentUrl());
        Order order = paid(payments, checkout.getOrderId());
        assertThat(order.getTotalAmount()).isEqualByComparingTo("51.00");
        assertThat(order.getPaymentStatus()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(order.getTicketIds()).hasSize(2);
        assertThat(payments.listMyOrders(1, 20).getData().getItems()).extracting(Order::getOrderId)
                .containsExactly(order.getOrderId());

        TicketsApi tickets = new TicketsApi(buyer);
        assertThat(tickets.listMyTickets(1, 20).getData().getItems()).extracting(Ticket::getId)
                .containsExactlyInAnyOrderElementsOf(order.getTicketIds());
        Ticket ticket = tickets.getTicket(order.getTicketIds().get(0)).getData();
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.VALID);
        assertThat(ticket.getQrCode()).startsWith("EVX1.");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(download(buyer,
                client -> new TicketsApi(client).getTicketQrCode(ticket.getId(), 300))));
        assertThat(image).as("a PNG image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(300);
        TicketKey key = tickets.getEventTicketKey(event.getId()).getData();
        assertThat(key.getEventId()).isEqualTo(event.getId());
        assertThat(key.getAlgorithm()).isEqualTo("Ed25519");
    }

    @Test
    void theMainFailuresReachTheGeneratedClientAsTypedErrors() throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, "contract");
        String eventId = organizer.draft(Organizer.eventBody("Tiny gig " + letters(), "music", "", SOON));
        String tierId = organizer.addTier(eventId, Organizer.tierBody("Last seat", "10.00", 1));
        organizer.api.post("/api/v1/events/" + eventId + "/submit", Map.of()).then().statusCode(200);
        admin.post("/api/v1/admin/events/" + eventId + "/approve", Map.of()).then().statusCode(200);
        ApiClient first = signedIn("first");
        ApiClient second = signedIn("second");
        ReserveRequest lastSeat = new ReserveRequest().tierId(UUID.fromString(tierId)).quantity(1);
        Reservation hold = new BookingApi(first).reserveTickets(lastSeat, null).getData();

        ErrorEnvelope soldOut = failure(409, () -> new BookingApi(second).reserveTickets(lastSeat, null), second);
        assertThat(soldOut.getError().getCode()).isEqualTo(ErrorCode.TICKET_NOT_AVAILABLE);
        assertThat(soldOut.getError().getDetails()).containsEntry("remaining", 0);

        UUID orderId = new PaymentsApi(first).createOrder(new OrderRequest().reservationIds(List.of(hold.getReservationId())),
                null).getData().getOrderId();
        ErrorEnvelope notYours = failure(404, () -> new PaymentsApi(second).getOrder(orderId), second);
        assertThat(notYours.getError().getCode()).isEqualTo(ErrorCode.NOT_FOUND);

        ApiClient anonymous = client(null);
        ErrorEnvelope invalid = failure(400, () -> new IdentityApi(anonymous).registerUser(new RegisterRequest()
                .email("not an email").password("integrator passphrase").firstName("").lastName("Invalid")), anonymous);
        assertThat(invalid.getSuccess()).isFalse();
        assertThat(invalid.getError().getCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(invalid.getError().getDetails()).containsKeys("email", "firstName").doesNotContainKey("lastName");
    }

    @Test
    void aGeneratedClientGivesATicketAwayAndHasAnotherRefundedOnApproval() throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, "contract-refunds");
        String eventId = organizer.published(admin, Organizer.eventBody("Folk night " + letters(), "music", "", SOON),
                "40.00");
        ApiClient organizerClient = client(organizer.api.accessToken());
        Event event = new EventsApi(organizerClient).setRefundPolicy(UUID.fromString(eventId), new RefundPolicyRequest()
                .mode(RefundPolicyMode.APPROVAL).deadlineHoursBeforeStart(0)).getData();
        assertThat(event.getRefundPolicy().getMode()).isEqualTo(RefundPolicyMode.APPROVAL);

        String buyerEmail = TestUsers.uniqueEmail("giver");
        ApiClient buyer = verifiedAccount(buyerEmail, "Gina");
        PaymentsApi payments = new PaymentsApi(buyer);
        Order order = bought(buyer, event.getTiers().get(0).getId(), 2);
        UUID given = order.getTicketIds().get(0);
        UUID refunded = order.getTicketIds().get(1);

        String friendEmail = TestUsers.uniqueEmail("friend");
        TicketTransfer offer = new TicketsApi(buyer).transferTicket(given, new TicketTransferRequest()
                .recipientEmail(friendEmail), UUID.randomUUID().toString()).getData();
        assertThat(offer.getStatus()).isEqualTo(TicketTransferStatus.PENDING);
        assertThat(offer.getTicketId()).isEqualTo(given);
        ApiClient friend = verifiedAccount(friendEmail, "Fred");
        TicketsApi friendTickets = new TicketsApi(friend);
        assertThat(friendTickets.listTicketTransfers(TransferRole.INCOMING, 1, 20).getData().getItems())
                .extracting(TicketTransfer::getId).containsExactly(offer.getId());
        Ticket accepted = friendTickets.acceptTicketTransfer(offer.getId(), UUID.randomUUID().toString()).getData();
        assertThat(accepted.getId()).isEqualTo(given);
        assertThat(accepted.getCodeVersion()).isEqualTo(2);
        assertThat(friendTickets.listMyTickets(1, 20).getData().getItems()).extracting(Ticket::getId)
                .containsExactly(given);
        assertThat(new TicketsApi(buyer).getTicketTransfer(offer.getId()).getData().getStatus())
                .isEqualTo(TicketTransferStatus.ACCEPTED);

        Refund asked = payments.requestRefund(order.getOrderId(), new RefundRequest().ticketIds(List.of(refunded))
                .reason("Cannot come"), UUID.randomUUID().toString()).getData().getRefunds().get(0);
        assertThat(asked.getStatus()).isEqualTo(OrderRefundStatus.REQUESTED);
        assertThat(asked.getAmount()).isEqualByComparingTo("40.00");
        PaymentsApi organizerPayments = new PaymentsApi(organizerClient);
        assertThat(organizerPayments.listRefundRequests(OrderRefundStatus.REQUESTED, 1, 20).getData().getItems())
                .extracting(Refund::getId).containsExactly(asked.getId());
        assertThat(organizerPayments.approveRefundRequest(asked.getId()).getData().getStatus())
                .isEqualTo(OrderRefundStatus.SUCCEEDED);
        assertThat(payments.listOrderRefunds(order.getOrderId()).getData()).extracting(Refund::getStatus)
                .containsExactly(OrderRefundStatus.SUCCEEDED);
        assertThat(new TicketsApi(buyer).getTicket(refunded).getData().getStatus()).isEqualTo(TicketStatus.REFUNDED);
        assertThat(payments.getOrder(order.getOrderId()).getData().getStatus()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void aGeneratedClientIssuesAScannerThatAdmitsATicketOnce() throws Exception {
        Sale sale = oneTicketSold("contract-door", "Door night", "15.00");
        UUID eventId = sale.eventId();
        UUID ticketId = sale.order().getTicketIds().get(0);
        String code = new TicketsApi(sale.buyer()).getTicket(ticketId).getData().getQrCode();

        CheckInApi door = new CheckInApi(client(sale.organizer().api.accessToken()));
        IssuedScannerDevice issued = door.createScannerDevice(eventId, new ScannerDeviceRequest()
                .name("Front door phone").gate("Main gate")).getData();
        assertThat(issued.getDevice().getEventId()).isEqualTo(eventId);
        assertThat(issued.getDevice().getName()).isEqualTo("Front door phone");
        assertThat(issued.getDeviceKey()).startsWith("evxd_");
        ScannerToken token = new CheckInApi(client(null)).createScannerToken(new ScannerTokenRequest()
                .deviceKey(issued.getDeviceKey())).getData();
        assertThat(token.getEventId()).isEqualTo(eventId);
        assertThat(token.getDeviceId()).isEqualTo(issued.getDevice().getId());
        ApiClient scanner = client(token.getAccessToken());

        CheckinScan admitted = new CheckInApi(scanner).validateTicket(scan(code, eventId)).getData();
        assertThat(admitted.getResult()).isEqualTo(ScanResult.ADMITTED);
        assertThat(admitted.getTicketId()).isEqualTo(ticketId);
        assertThat(admitted.getEntryCount()).isEqualTo(1);
        assertThat(admitted.getGate()).isEqualTo("Main gate");
        ErrorEnvelope again = failure(409, () -> new CheckInApi(scanner).validateTicket(scan(code, eventId)), scanner);
        assertThat(again.getError().getCode()).isEqualTo(ErrorCode.ALREADY_CHECKED_IN);
        assertThat(again.getError().getDetails()).containsEntry("ticketId", ticketId.toString())
                .containsEntry("gate", "Main gate").containsEntry("scanner", "Front door phone");
    }

    @Test
    void aGeneratedClientSetsThePayoutAccountAndReadsTheBalance() throws Exception {
        Sale sale = oneTicketSold("contract-payouts", "Payout gig", "30.00");

        PayoutsApi payouts = new PayoutsApi(client(sale.organizer().api.accessToken()));
        String account = "acct_" + letters() + "0123456789";
        PayoutAccount set = payouts.setPayoutAccount(new PayoutAccountRequest().provider("STRIPE").accountId(account))
                .getData();
        assertThat(set.getProvider()).isEqualTo("STRIPE");
        assertThat(set.getAccountId()).isEqualTo(account);
        assertThat(set.getHeld()).isFalse();
        List<PayoutBalance> balances = payouts.getPayoutBalance().getData();
        assertThat(balances).extracting(PayoutBalance::getEventId).containsExactly(sale.eventId());
        PayoutBalance balance = balances.get(0);
        assertThat(balance.getEventStatus()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(balance.getCurrency()).isEqualTo("USD");
        assertThat(balance.getCaptured()).isEqualByComparingTo("30.00");
        assertThat(balance.getRefunded()).isEqualByComparingTo("0");
        assertThat(balance.getFees()).isNegative();
        assertThat(balance.getPaidOut()).isEqualByComparingTo("0");
        assertThat(balance.getBalance()).isEqualByComparingTo(balance.getCaptured().add(balance.getFees()));
    }

    @Test
    void anAdminsGeneratedClientBansAUserWhoseTokenIsThenRefused() throws Exception {
        String email = TestUsers.uniqueEmail("banned");
        IdentityApi identity = new IdentityApi(client(null));
        UUID userId = identity.registerUser(new RegisterRequest().email(email).password("a fine passphrase")
                .firstName("Bart").lastName("Banned")).getData().getId();
        ApiClient user = client(identity.loginUser(new LoginRequest().email(email).password("a fine passphrase"))
                .getData().getAccessToken());
        assertThat(new IdentityApi(user).getMyProfile().getData().getId()).isEqualTo(userId);

        AdminUser banned = new AdminApi(client(admin().accessToken())).banUser(userId,
                new ReasonRequest().reason("Reselling tickets")).getData();
        assertThat(banned.getId()).isEqualTo(userId);
        assertThat(banned.getStatus()).isEqualTo(UserStatus.BANNED);
        assertThat(banned.getBanReason()).isEqualTo("Reselling tickets");
        ErrorEnvelope refused = failure(403, () -> new IdentityApi(user).getMyProfile(), user);
        assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.ACCOUNT_DISABLED);
    }

    /** A scan at the door of the event: an entry, with a nonce of its own. */
    @Test
    void aGeneratedClientReadsSalesFiguresAnnouncesAndReadsTheInbox() throws Exception {
        Sale sale = oneTicketSold("contract-figures", "Figures", "18.00");
        ApiClient organizer = client(sale.organizer().api.accessToken());
        com.eventix.client.model.SalesReport report = new com.eventix.client.api.AnalyticsApi(organizer)
                .getEventAnalytics(sale.eventId(), null, null, "UTC").getData();
        assertThat(report.getTickets().getSold()).isEqualTo(1L);
        assertThat(report.getMoney().get(0).getGross()).isEqualByComparingTo("18.00");
        assertThat(report.getTo()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(new com.eventix.client.api.AnalyticsApi(organizer).getOrganizerAnalytics(null, null, null).getData()
                .getTickets().getSold()).isEqualTo(1L);

        com.eventix.client.model.EventNotice notice = new TicketsApi(organizer).announceToTicketHolders(sale.eventId(),
                new com.eventix.client.model.AnnouncementRequest().subject("Doors at 19:00").message("Welcome"))
                .getData();
        assertThat(notice.getKind()).isEqualTo(com.eventix.client.model.EventNoticeKind.ANNOUNCEMENT);

        com.eventix.client.api.NotificationsApi inbox = new com.eventix.client.api.NotificationsApi(sale.buyer());
        assertThat(inbox.getMyNotificationPreferences().getData()).isNotEmpty();
        Instant deadline = Instant.now().plusSeconds(30);
        while (inbox.listMyNotifications(null, 1, 20).getData().getItems().stream()
                .noneMatch(n -> "Doors at 19:00".equals(n.getSubject()))) {
            assertThat(Instant.now()).as("the announcement reaches the buyer's inbox").isBefore(deadline);
            Thread.sleep(200);
        }
        inbox.markAllNotificationsRead();
        assertThat(inbox.countMyUnreadNotifications().getData().getUnread()).isZero();

        assertThat(new AdminApi(client(admin().accessToken())).getPlatformMetrics(null, null, null).getData()
                .getTotals().getTicketsSold()).isPositive();
    }

    @Test
    void anAdminsGeneratedClientOverseesAnAccountItsPaymentsTheEventAndTheQueues() throws Exception {
        Sale sale = oneTicketSold("contract-oversight", "Oversight", "12.00");
        UUID orderId = sale.order().getOrderId();
        assertThat(new PaymentsApi(client(sale.organizer().api.accessToken()))
                .listEventOrders(sale.eventId(), null, 1, 20).getData().getItems())
                .extracting(com.eventix.client.model.EventOrder::getOrderId).containsExactly(orderId);

        AdminApi console = new AdminApi(client(admin().accessToken()));
        UUID buyerId = new IdentityApi(sale.buyer()).getMyProfile().getData().getId();
        assertThat(console.listUserOrders(buyerId, 1, 20).getData().getItems()).extracting(Order::getOrderId)
                .contains(orderId);
        assertThat(console.listUserAuditEntries(buyerId, 1, 20).getData().getItems()).isNotEmpty();
        assertThat(console.listAuditEntries(null, buyerId, null, null, null, null, 1, 20).getData().getItems())
                .allSatisfy(entry -> assertThat(entry.getActorId()).isEqualTo(buyerId));
        assertThat(console.listAdminPayments(PaymentStatus.COMPLETED, null, sale.eventId(), null, null, null, 1, 20)
                .getData().getItems()).extracting(com.eventix.client.model.AdminPayment::getOrderId)
                .containsExactly(orderId);
        assertThat(console.listStuckPayments(60, 1, 20).getData().getItems())
                .noneMatch(p -> orderId.equals(p.getOrderId()));
        assertThat(console.listDeadLetters(1, 20).getData().getItems()).isNotNull();
        assertThat(console.listSetAsideCancellationOrders(1, 20).getData().getItems()).isNotNull();

        Event suspended = console.suspendEvent(sale.eventId(), new ReasonRequest().reason("Under investigation"))
                .getData();
        assertThat(suspended.getSuspendedAt()).isNotNull();
        assertThat(console.reinstateEvent(sale.eventId()).getData().getSuspendedAt()).isNull();

        assertThat(console.changeUserRole(buyerId, new com.eventix.client.model.RoleRequest()
                .role(com.eventix.client.model.RoleRequest.RoleEnum.ADMIN)).getData().getRole())
                .isEqualTo(com.eventix.client.model.Role.ADMIN);
        assertThat(console.changeUserRole(buyerId, new com.eventix.client.model.RoleRequest()
                .role(com.eventix.client.model.RoleRequest.RoleEnum.ATTENDEE)).getData().getRole())
                .isEqualTo(com.eventix.client.model.Role.ATTENDEE);
    }

    private static ValidateTicketRequest scan(String code, UUID eventId) {
        return new ValidateTicketRequest().code(code).eventId(eventId).direction(ScanDirection.ENTRY)
                .nonce(UUID.randomUUID().toString());
    }

    /** A verified organizer's published event, and a new buyer who bought one of its tickets through the client. */
    private record Sale(Organizer organizer, UUID eventId, ApiClient buyer, Order order) {
    }

    private Sale oneTicketSold(String name, String title, String price) throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, name);
        UUID eventId = UUID.fromString(organizer.published(admin, Organizer.eventBody(title + " " + letters(), "music",
                "", SOON), price));
        ApiClient buyer = signedIn(name + "-buyer");
        Order order = bought(buyer, new EventsApi(buyer).getEvent(eventId).getData().getTiers().get(0).getId(), 1);
        return new Sale(organizer, eventId, buyer, order);
    }

    /** {@code quantity} tickets of the tier, reserved, ordered and paid on the sandbox's checkout page. */
    private Order bought(ApiClient buyer, UUID tierId, int quantity) throws Exception {
        Reservation hold = new BookingApi(buyer).reserveTickets(new ReserveRequest().tierId(tierId).quantity(quantity),
                null).getData();
        PaymentsApi payments = new PaymentsApi(buyer);
        OrderCheckout checkout = payments.createOrder(new OrderRequest()
                .reservationIds(List.of(hold.getReservationId())), null).getData();
        payOnTheCheckoutPage(checkout.getPaymentUrl());
        return paid(payments, checkout.getOrderId());
    }

    /** A client of the deployment as one caller: its own (forwarded) address and, when signed in, its token. */
    private ApiClient client(String accessToken) {
        Api caller = api();
        ApiClient client = new ApiClient();
        client.updateBaseUri(caller.base());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> {
            request.header("X-Forwarded-For", caller.clientIp());
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
        });
        return client;
    }

    /** A new account whose address is verified with the token from its welcome mail, signed in. */
    private ApiClient verifiedAccount(String email, String name) throws Exception {
        IdentityApi identity = new IdentityApi(client(null));
        identity.registerUser(new RegisterRequest().email(email).password("a fine passphrase").firstName(name)
                .lastName("Contract"));
        MimeMessage welcome = Mailbox.await(email, "Welcome to Eventix", Duration.ofSeconds(30)).orElseThrow();
        Matcher token = VERIFICATION_TOKEN.matcher(Mailbox.body(welcome));
        assertThat(token.find()).as("a verification link in the welcome mail").isTrue();
        identity.verifyEmail(new VerifyEmailRequest().token(token.group(1)));
        return client(identity.loginUser(new LoginRequest().email(email).password("a fine passphrase")).getData()
                .getAccessToken());
    }

    private ApiClient signedIn(String name) throws ApiException {
        String email = TestUsers.uniqueEmail(name);
        IdentityApi identity = new IdentityApi(client(null));
        identity.registerUser(new RegisterRequest().email(email).password("a fine passphrase").firstName(name)
                .lastName("Buyer"));
        return client(identity.loginUser(new LoginRequest().email(email).password("a fine passphrase")).getData()
                .getAccessToken());
    }

    /**
     * The body of a binary download. The native client of openapi-generator 7.14 reads every response body as text
     * before it turns it into the declared File (its issues #20634 and #21345), which garbles binary bodies; its
     * response interceptor sees the body first, so the bytes are taken there (the API object reads the interceptor
     * when it is made, so the call makes its own).
     */
    private static byte[] download(ApiClient client, ClientCall call) throws ApiException {
        AtomicReference<byte[]> body = new AtomicReference<>();
        client.setResponseInterceptor(response -> {
            try {
                body.set(response.body().readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            call.run(client);
        } finally {
            client.setResponseInterceptor(null);
        }
        return body.get();
    }

    /** The payer's browser on the sandbox provider's checkout page (HTML for people, so not part of the client). */
    private void payOnTheCheckoutPage(String paymentUrl) {
        String path = URI.create(paymentUrl).getPath();
        api().request().accept("text/html").get(path).then().statusCode(200);
        api().request().accept("text/html").post(path + "/pay").then().statusCode(200);
    }

    /** The order once its payment is confirmed (the sandbox's webhook may take a moment). */
    private static Order paid(PaymentsApi payments, UUID orderId) throws ApiException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Order order = payments.getOrder(orderId).getData();
        while (order.getStatus() != OrderStatus.PAID && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            order = payments.getOrder(orderId).getData();
        }
        assertThat(order.getStatus()).as("order %s", orderId).isEqualTo(OrderStatus.PAID);
        return order;
    }

    private interface Call {
        Object run() throws ApiException;
    }

    private interface ClientCall {
        Object run(ApiClient client) throws ApiException;
    }

    /** The error envelope a call fails with, read with the client's own mapper into its own model. */
    private static ErrorEnvelope failure(int status, Call call, ApiClient client) throws JsonProcessingException {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("the call fails").isNotNull();
        assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(status);
        return client.getObjectMapper().readValue(e.getResponseBody(), ErrorEnvelope.class);
    }

    private static String letters() {
        return UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }
}
