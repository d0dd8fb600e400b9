package com.eventix.demo;

import com.eventix.booking.control.Reservations;
import com.eventix.booking.entity.Reservation;
import com.eventix.checkin.control.ScanActor;
import com.eventix.checkin.control.ScanDesk;
import com.eventix.checkin.control.ScanInput;
import com.eventix.checkin.control.ScannerDevices;
import com.eventix.checkin.entity.ScanDirection;
import com.eventix.checkin.entity.ScannerDevice;
import com.eventix.events.control.Events;
import com.eventix.events.control.Tiers;
import com.eventix.events.entity.Event;
import com.eventix.events.entity.RefundPolicy;
import com.eventix.events.entity.TicketTier;
import com.eventix.identity.control.Accounts;
import com.eventix.identity.entity.Role;
import com.eventix.identity.entity.User;
import com.eventix.organizers.control.Organizers;
import com.eventix.organizers.entity.Organizer;
import com.eventix.payments.control.Payments;
import com.eventix.payouts.control.PayoutAccounts;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.tickets.control.Tickets;
import com.eventix.tickets.entity.Ticket;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo data for development and demos (EVENTIX_DEMO_DATA=true; on with mvn -Prun): three accounts with
 * documented passwords (README.md), a verified organizer with a handful of published events, and at the comedy
 * night a door scanner with a documented key and a few guest-list tickets of the attendee, two checked in. Loaded through
 * the same procedures as real data, once: nothing is added when the demo organizer already has events.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    static final String ADMIN = "admin@eventix.local";
    static final String ORGANIZER = "organizer@eventix.local";
    static final String ATTENDEE = "attendee@eventix.local";
    /** The demo door scanner's device key (development only, like the passwords; README.md shows it in use). */
    static final String SCANNER_KEY = "evxd_demo-door-scanner-2026";

    @Inject
    @ConfigProperty(name = "EVENTIX_DEMO_DATA")
    boolean enabled;
    @Inject
    Accounts accounts;
    @Inject
    Organizers organizers;
    @Inject
    Events events;
    @Inject
    Tiers tiers;
    @Inject
    Clock clock;
    @Inject
    PayoutAccounts payoutAccounts;
    @Inject
    @ConfigProperty(name = "SANDBOX_ENABLED")
    boolean sandboxEnabled;
    @Inject
    ScannerDevices devices;
    @Inject
    Reservations reservations;
    @Inject
    Payments payments;
    @Inject
    Tickets tickets;
    @Inject
    ScanDesk desk;
    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        User admin = accounts.ensure(ADMIN, "admin-demo-2026", "Ada", "Admin", Role.ADMIN);
        User organizerUser = accounts.ensure(ORGANIZER, "organizer-demo-2026", "Olu", "Organizer", Role.ATTENDEE);
        User attendee = accounts.ensure(ATTENDEE, "attendee-demo-2026", "Ama", "Attendee", Role.ATTENDEE);
        Events.Actor adminActor = new Events.Actor(admin.id(), true, RequestOrigin.INTERNAL);
        Organizer organizer = organizers.ofUser(organizerUser.id()).orElseGet(() -> organizers.apply(organizerUser.id(),
                new Organizer.Profile("Harmattan Live", "Concerts, festivals and talks across West Africa",
                        ORGANIZER, "+233 30 000 0000"), RequestOrigin.INTERNAL));
        if (organizer.status() == Organizer.Status.PENDING) {
            organizers.verify(organizer.id(), admin.id(), RequestOrigin.INTERNAL);
        }
        if (events.ofOrganizer(organizerUser.id(), 1, 1).total() > 0) {
            LOG.info("Demo data already loaded. Demo door scanner key (Comedy Night Live): " + SCANNER_KEY);
            return;
        }
        Events.Actor host = new Events.Actor(organizerUser.id(), false, RequestOrigin.INTERNAL);
        Instant base = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(18));
        Event jazz = publish(host, adminActor, "Accra Jazz Night", "music", "Live jazz quartets and a late jam session.",
                "Alliance Française, Accra", base.plus(Duration.ofDays(14)), 4, "GHS",
                tier("General admission", "150.00", 300), tier("VIP table", "600.00", 40));
        // Refunds without asking until two days before, keeping 10 % and 5.00 GHS.
        events.refundPolicy(host, jazz.id(), RefundPolicy.Mode.AUTOMATIC, 48, new BigDecimal("10"),
                new BigDecimal("5.00"));
        publish(host, adminActor, "Highlife Festival", "festival", "Two stages of highlife legends and new voices.",
                "Independence Square, Accra", base.plus(Duration.ofDays(30)), 8, "GHS",
                tier("Day pass", "200.00", 2000), tier("Weekend pass", "350.00", 800));
        Event summit = publish(host, adminActor, "Tech in Africa Summit", "conference",
                "Talks on payments, logistics and AI.", "Kempinski Hotel, Accra", base.plus(Duration.ofDays(45)), 9,
                "USD", tier("Early bird", "49.00", 200), tier("Standard", "99.00", 500));
        events.refundPolicy(host, summit.id(), RefundPolicy.Mode.APPROVAL, 24 * 7, BigDecimal.ZERO, BigDecimal.ZERO);
        if (sandboxEnabled) {
            payoutAccounts.set(organizerUser.id(), "sandbox", "demo-harmattan-live", RequestOrigin.INTERNAL);
        }
        publish(host, adminActor, "Black Stars vs Super Eagles", "sports", "International friendly.",
                "Baba Yara Stadium, Kumasi", base.plus(Duration.ofDays(21)), 3, "GHS",
                tier("Popular stand", "50.00", 20000), tier("Covered stand", "120.00", 5000));
        Event comedy = publish(host, adminActor, "Comedy Night Live", "comedy",
                "Stand-up from Accra, Lagos and Nairobi.", "National Theatre, Accra", base.plus(Duration.ofDays(10)), 3,
                "GHS", tier("Regular", "100.00", 600), tier("Guest list", "0.00", 50));
        LOG.info("Demo events published");
        doorOf(host, comedy, attendee);
    }

    /**
     * A door scanner for the comedy night, whose key is printed at startup, and a few guest-list tickets of the demo
     * attendee, two of them checked in already through it.
     */
    private void doorOf(Events.Actor host, Event event, User attendee) {
        ScannerDevice door = devices.createWithKey(host, event.id(), "Demo door phone", "Main entrance", SCANNER_KEY);
        TicketTier guestList = events.tiersOf(event.id()).stream().filter(t -> t.price().signum() == 0).findFirst()
                .orElseThrow();
        Reservation hold = reservations.reserve(attendee.id(), guestList.id(), 3);
        // All demo data loads in one transaction: the order looks its hold up in the database, so it must be there.
        em.flush();
        payments.checkout(attendee.id(), List.of(hold.id()), null, RequestOrigin.INTERNAL);
        List<Ticket> guests = tickets.ofOwner(attendee.id(), 1, 10).items().stream()
                .filter(t -> t.eventId().equals(event.id())).toList();
        ScanActor scanner = ScanActor.device(door);
        guests.stream().limit(2).forEach(ticket -> desk.scan(scanner, ScanInput.online(event.id(), null,
                ticket.id(), null, ScanDirection.ENTRY, null, "demo:" + ticket.id(), null)));
        LOG.info("Demo door scanner key (Comedy Night Live): " + SCANNER_KEY);
    }

    private static TicketTier.Spec tier(String name, String price, int quantity) {
        return new TicketTier.Spec(name, null, new BigDecimal(price), quantity, 10, null, null);
    }

    private Event publish(Events.Actor host, Events.Actor admin, String title, String category, String description,
                         String location, Instant start, int hours, String currency, TicketTier.Spec... tierSpecs) {
        Event event = events.create(host, new Event.Details(title, description, category, location, start,
                start.plus(Duration.ofHours(hours)), "Africa/Accra", null, currency, null));
        for (TicketTier.Spec spec : tierSpecs) {
            tiers.create(host, event.id(), spec);
        }
        events.submit(host, event.id());
        return events.approve(admin, event.id());
    }
}
