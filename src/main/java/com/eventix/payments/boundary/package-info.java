/**
 * Payments boundary: provider webhooks and the sandbox provider's checkout page.
 */
package com.eventix.payments.boundary;
