/**
 * The PaymentProvider port, its Stripe and Paystack adapters and the registry that finds one by name. Adapters keep
 * no state of their own, convert amounts to minor units exactly or refuse them, verify webhook signatures over the
 * exact raw body before reading it, and never log or echo a secret.
 */
package com.eventix.payments.control.providers;
