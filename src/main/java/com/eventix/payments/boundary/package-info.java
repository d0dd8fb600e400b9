/**
 * Payments boundary: provider webhooks, the sandbox provider's checkout page and the timer that sends the sandbox's
 * own webhooks.
 */
package com.eventix.payments.boundary;
