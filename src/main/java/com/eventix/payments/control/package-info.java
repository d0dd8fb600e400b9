/**
 * Payment procedures. Providers are reached only through the PaymentProvider port in {@code providers}: nothing here
 * speaks a provider's HTTP dialect, converts to minor units or checks a webhook signature by itself.
 */
package com.eventix.payments.control;
