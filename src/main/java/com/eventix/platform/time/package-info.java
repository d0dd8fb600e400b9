/**
 * The injectable clock.
 */
package com.eventix.platform.time;
