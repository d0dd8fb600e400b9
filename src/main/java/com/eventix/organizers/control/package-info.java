/**
 * Applying, and the admin's verification or rejection (which also grants the role).
 */
package com.eventix.organizers.control;
