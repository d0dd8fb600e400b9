/** Payments and their state machine (the specification's, exactly). */
package com.eventix.payments.entity;
