/**
 * Payments boundary: ordering and paying for holds (/orders, with the buyer's orders), provider webhooks and the
 * sandbox provider's checkout page.
 */
package com.eventix.payments.boundary;
