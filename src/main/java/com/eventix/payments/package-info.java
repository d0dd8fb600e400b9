/**
 * Payments: ordering holds and paying for them, the payment of each order, the providers that take the money
 * (built-in sandbox, Stripe, Paystack), their webhooks, and the refund of money that cannot be kept (taken on an
 * ended attempt, for another amount, or for an order that can no longer be honoured), buyers' refunds under each
 * event's policy, and the refund of every paid order of a cancelled event (a job kept in the database that every
 * instance works on: see CancellationRefunds), money moved at the provider without Eventix asking (dashboard refunds,
 * chargebacks, fees: ProviderAdjustments) and the ledger every balance is summed from. Payments sits above booking: it calls booking's API (placing, fulfilling and expiring orders, protecting
 * the holds of a payment in flight) and observes its hold sweep; booking never calls payments. Money is exact
 * (BigDecimal beside its ISO 4217 currency, never double), and a provider's word counts only once its webhook
 * signature or its own API has confirmed it.
 */
package com.eventix.payments;
