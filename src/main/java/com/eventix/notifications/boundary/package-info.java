/**
 * The notifications queue consumer.
 */
package com.eventix.notifications.boundary;
