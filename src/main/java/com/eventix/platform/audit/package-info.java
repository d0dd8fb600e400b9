/**
 * The audit log: who did what to which resource, when and from where. Successes commit with the action; failures are recorded on their own.
 */
package com.eventix.platform.audit;
