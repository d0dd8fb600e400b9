/** Creating payouts from the ledger, sending them to providers, and what organizers and admins see of them. */
package com.eventix.payouts.control;
