package com.eventix;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction between feature packages and the few ownership rules that keep it, checked on the compiled main
 * classes (tests and the development launcher are not read).
 */
class ArchitectureTest {
    /**
     * Every package directly under com.eventix, highest first: a feature may depend only on the features after it.
     * demo loads data through everyone's procedures and nobody depends on it; admin oversees the features; analytics
     * reads what the features below it recorded; payouts
     * and check-in react to what payments and tickets did; payments shows an order's tickets; tickets react to what
     * booking did (the CDI events OrderPaid, OrderRefused, EventPublished) and nothing below them calls them; notifications is the mail outbox any feature may ask to send what it decided, and
     * knows no feature; platform knows no feature. A new package must be placed here before it compiles into a
     * passing build.
     */
    static final List<String> ORDER = List.of("demo", "admin", "analytics", "payouts", "checkin", "payments", "tickets",
            "booking", "events", "organizers", "identity", "notifications", "platform");

    /** The only code that locks ticket tiers (events' tier changes ask it through the TierLock port). */
    static final Set<String> TIER_LOCKERS = Set.of("com.eventix.booking.control.Inventory");
    static final String INVENTORY = "com.eventix.booking.control.Inventory";
    static final String TICKET_TIER = "com.eventix.events.entity.TicketTier";

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // The compiled main classes where the build put them: scanning the test class path for the package would
        // open every jar on it (Payara Micro's among them) and cost seconds for nothing.
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("com.eventix.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void everyPackageHasItsPlaceInTheOrder() {
        Set<String> features = new TreeSet<>();
        main.stream().map(ArchitectureTest::featureOf).filter(f -> !f.isEmpty()).forEach(features::add);
        assertThat(ORDER).as("ArchitectureTest.ORDER").containsAll(features);
    }

    @Test
    void featuresDependOnlyOnTheFeaturesBelowThem() {
        classes().that().resideInAPackage("com.eventix..").should(dependOnlyDownwards()).check(main);
    }

    @Test
    void entitiesKnowNoBoundaryOrControl() {
        noClasses().that().resideInAPackage("com.eventix..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("com.eventix..boundary..", "com.eventix..control..")
                .check(main);
    }

    /**
     * Catches a method (or a lambda in it) that reads {@code LockModeType.PESSIMISTIC_WRITE} and names
     * {@code TicketTier} there: {@code TicketTier.class}, a TicketTier parameter, or a call or field of TicketTier or
     * returning one. It does not see a lock taken through a helper in another method, a lock mode kept in a
     * constant elsewhere, or SQL text (native {@code FOR UPDATE} on ticket_tiers).
     */
    @Test
    void onlyTheInventoryLocksTicketTiers() {
        classes().that().resideInAPackage("com.eventix..")
                .and(DescribedPredicate.describe("are not " + TIER_LOCKERS,
                        (JavaClass c) -> !TIER_LOCKERS.contains(c.getName())))
                .should(notLockTicketTiers()).check(main);
    }

    @Test
    void onlyTheInventoryMovesTierStock() {
        noClasses().that().doNotHaveFullyQualifiedName(INVENTORY).and().doNotHaveFullyQualifiedName(TICKET_TIER)
                .should().callMethodWhere(DescribedPredicate.describe("TicketTier.hold or TicketTier.giveBack",
                        (JavaMethodCall call) -> call.getTargetOwner().getName().equals(TICKET_TIER)
                                && Set.of("hold", "giveBack").contains(call.getName())))
                .check(main);
    }

    /** com.eventix.booking.control.Orders → "booking"; a class in com.eventix itself → "". */
    static String featureOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith("com.eventix.")) {
            return "";
        }
        String rest = pkg.substring("com.eventix.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> dependOnlyDownwards() {
        return new ArchCondition<>("depend only on the features after their own in " + ORDER) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = featureOf(origin);
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String to = featureOf(dependency.getTargetClass());
                    if (!to.isEmpty() && !to.equals(from) && ORDER.indexOf(to) <= ORDER.indexOf(from)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                from + " → " + to + ": " + dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static ArchCondition<JavaClass> notLockTicketTiers() {
        return new ArchCondition<>("not lock TicketTier with PESSIMISTIC_WRITE") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaCodeUnit unit : origin.getCodeUnits()) {
                    if (writeLocks(unit) && namesTicketTier(unit)) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName()
                                + " locks TicketTier with PESSIMISTIC_WRITE; only " + INVENTORY
                                + " moves tier stock " + unit.getSourceCodeLocation()));
                    }
                }
            }
        };
    }

    private static boolean writeLocks(JavaCodeUnit unit) {
        return unit.getFieldAccesses().stream().map(JavaFieldAccess::getTarget).anyMatch(f ->
                f.getOwner().isEquivalentTo(LockModeType.class)
                        && f.getName().equals(LockModeType.PESSIMISTIC_WRITE.name()));
    }

    private static boolean namesTicketTier(JavaCodeUnit unit) {
        return unit.getReferencedClassObjects().stream().anyMatch(r -> r.getRawType().getName().equals(TICKET_TIER))
                || unit.getRawParameterTypes().stream().anyMatch(t -> t.getName().equals(TICKET_TIER))
                || unit.getAccessesFromSelf().stream().anyMatch(ArchitectureTest::touchesTicketTier);
    }

    private static boolean touchesTicketTier(JavaAccess<?> access) {
        if (access.getTargetOwner().getName().equals(TICKET_TIER)) {
            return true;
        }
        if (access instanceof JavaMethodCall call) {
            return call.getTarget().getRawReturnType().getName().equals(TICKET_TIER);
        }
        return false;
    }
}
