package com.eventix.payouts.control;

import com.eventix.organizers.control.Organizers;
import com.eventix.organizers.entity.Organizer;
import com.eventix.payouts.entity.PayoutAccount;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where an organizer's payouts go: set and read by the organizer, audited. */
@ApplicationScoped
public class PayoutAccounts {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Organizers organizers;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "SANDBOX_ENABLED")
    boolean sandboxEnabled;

    /** Sets the caller's payout account (400 VALIDATION_FAILED for one that is not shaped like the provider's). */
    @Transactional
    public PayoutAccount set(UUID userId, String provider, String accountId, RequestOrigin origin) {
        Organizer organizer = organizers.verifiedOf(userId);
        String name = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
        if (!name.equals("stripe") && !name.equals("paystack") && !(name.equals("sandbox") && sandboxEnabled)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown payout provider",
                    Map.of("provider", sandboxEnabled ? "must be STRIPE, PAYSTACK or SANDBOX" : "must be STRIPE or PAYSTACK"));
        }
        if (!PayoutAccount.valid(name, accountId)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Not an account id of this provider",
                    Map.of("accountId", switch (name) {
                        case "stripe" -> "must be a Stripe Connect account id (acct_…)";
                        case "paystack" -> "must be a Paystack transfer recipient code (RCP_…)";
                        default -> "must be letters, digits, - or _ (at most 64)";
                    }));
        }
        PayoutAccount account = em.find(PayoutAccount.class, organizer.id());
        if (account == null) {
            account = new PayoutAccount(organizer.id(), name, accountId, clock.instant());
            em.persist(account);
        } else {
            account.change(name, accountId, clock.instant());
        }
        audit.success(userId, "PAYOUT_ACCOUNT_SET", "organizer", organizer.id(), origin, name);
        return account;
    }

    /** The caller's payout account; 404 when none is set. */
    public PayoutAccount mine(UUID userId) {
        PayoutAccount account = em.find(PayoutAccount.class, organizers.mine(userId).id());
        if (account == null) {
            throw ApiException.notFound("Payout account");
        }
        return account;
    }
}
