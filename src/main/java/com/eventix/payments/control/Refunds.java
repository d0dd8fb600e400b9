package com.eventix.payments.control;

import com.eventix.payments.control.providers.PaymentProviders;
import com.eventix.payments.control.providers.Refund;
import com.eventix.payments.entity.OrderRefund;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Buyers' refunds: requests and the organizer's decisions are recorded ({@link RefundRecords}); an approved refund
 * is then asked of the payment's provider outside any transaction, through the provider's refund call with the
 * refund's own key, so asking again (after a crash or an outage, see {@link #retryUnsent}) never refunds twice.
 */
@ApplicationScoped
public class Refunds {
    private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

    @Inject
    RefundRecords records;
    @Inject
    PaymentRecords payments;
    @Inject
    PaymentProviders providers;

    /** The buyer's request; approved ones (automatic policies) are sent to the provider before answering. */
    public List<OrderRefund> request(UUID buyerId, UUID orderId, List<UUID> ticketIds, String reason,
                                     RequestOrigin origin) {
        List<OrderRefund> created = records.request(buyerId, orderId, ticketIds, reason, origin);
        created.stream().filter(r -> r.status() == OrderRefund.Status.APPROVED).forEach(r -> send(r.id(), null));
        return created.stream().map(r -> records.get(r.id())).toList();
    }

    public OrderRefund approve(UUID organizerUserId, UUID refundId, RequestOrigin origin) {
        records.approve(organizerUserId, refundId, origin);
        send(refundId, null);
        return records.get(refundId);
    }

    public OrderRefund reject(UUID organizerUserId, UUID refundId, String why, RequestOrigin origin) {
        return records.reject(organizerUserId, refundId, why, origin);
    }

    /**
     * Asks the provider for the refund if it is due ({@link OrderRefund#attempt}), the attempt recorded first. A
     * failure to reach the provider leaves it PROCESSING without a provider reference, asked again later.
     */
    public void send(UUID refundId, Instant lastTriedBefore) {
        if (!records.claim(refundId, lastTriedBefore)) {
            return;
        }
        OrderRefund refund = records.get(refundId);
        if (refund.amount().signum() == 0) {
            records.succeeded(refundId, null);
            return;
        }
        Payment payment = payments.get(refund.paymentId());
        try {
            Refund answer = providers.byName(payment.provider()).refund(payment.transactionId(), refund.amount(),
                    refund.currency(), refund.providerKey());
            switch (answer.state()) {
                case SUCCEEDED -> records.succeeded(refundId, answer.providerRefundId());
                case PENDING -> records.accepted(refundId, answer.providerRefundId());
                case FAILED -> records.failed(refundId, "refused by " + payment.provider());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Refund " + refundId + " could not be asked of " + payment.provider()
                    + "; it is asked again later", e);
        }
    }

    /** An admin has a FAILED refund asked for again, at once. */
    public OrderRefund retry(UUID adminId, UUID refundId, RequestOrigin origin) {
        records.retry(adminId, refundId, origin);
        send(refundId, null);
        return records.get(refundId);
    }

    /**
     * Asks again for up to {@code limit} refunds never acknowledged by their provider, or refused and due again;
     * answers how many were due.
     */
    public int retryUnsent(Instant lastTriedBefore, Instant now, int limit) {
        List<UUID> due = records.unsent(lastTriedBefore, now, limit);
        due.forEach(id -> send(id, lastTriedBefore));
        return due.size();
    }
}
