/**
 * Payments: the payment of each order, the providers that take the money (built-in sandbox, Stripe, Paystack), their
 * webhooks, and the refund of money that cannot be kept (taken on an ended attempt, for another amount, or for an
 * order that can no longer be honoured; nobody can ask for a refund yet). Money is exact (BigDecimal beside its ISO 4217 currency, never double), and a provider's word
 * counts only once its webhook signature or its own API has confirmed it.
 */
package com.eventix.payments;
