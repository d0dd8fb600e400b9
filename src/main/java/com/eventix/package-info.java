/**
 * Eventix: one package per feature, and the features depend on each other in one direction only, from the highest
 * to the lowest: demo → admin → analytics → payouts → checkin → payments → tickets → booking → events → organizers →
 * identity → notifications → platform. A feature may use any feature after it in that line and none before it;
 * nothing uses demo, and platform uses no feature.
 *
 * <p>Where a lower feature must let a higher one act, it does not call up: it fires a CDI event that the higher one
 * observes (booking fires {@code OrderPaid}, which tickets observes to issue the order's tickets; events fires
 * {@code EventPublished}, which tickets observes to make the event's key, and {@code EventCancelled}, which booking
 * observes to release holds), or it owns a small port that the higher one implements (events' {@code TierLock},
 * platform's {@code RetentionRule}). Native SQL touches another feature's tables only downward and only to read
 * (the event catalogue joins organizers' names; a ticket key is stored only for an existing event); it never
 * writes them.
 *
 * <p>{@code ArchitectureTest} holds the same line and fails the build on any cycle, any dependency against it, an
 * entity that knows a boundary or a control, and tier stock moved or a tier row locked outside booking's
 * {@code Inventory} (events changes a tier through the {@code TierLock} port that {@code Inventory} implements).
 */
package com.eventix;
