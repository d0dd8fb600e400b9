package com.eventix.events.control;

import com.eventix.events.entity.TicketTier;
import java.util.UUID;

/**
 * The lock an organizer's change of a tier (its size or price) takes on the tier's row, the row every hold
 * contends for. Tier locks have one owner, booking's {@code Inventory}, which implements this port; events, below
 * booking, asks through it rather than locking the row itself.
 */
public interface TierLock {
    /** The tier, locked until the caller's transaction ends; null when there is none. */
    TicketTier lockForChange(UUID tierId);
}
