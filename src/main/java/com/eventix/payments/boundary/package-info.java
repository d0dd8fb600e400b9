/**
 * Payments boundary: ordering and paying for holds (/orders, with the buyer's orders), provider webhooks, the
 * sandbox provider's checkout page and the timer that sends the sandbox's own webhooks.
 */
package com.eventix.payments.boundary;
