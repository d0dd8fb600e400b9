/**
 * Analytics: organizers' sales figures (tickets, money, the funnel from hold to payment, sell-through and check-in
 * rate, per tier, per day and per hour) and the platform's figures per day for admins, computed on each request from
 * the rows that record what happened (accounts, tickets, holds, orders, refunds and the money ledger), so no figure
 * can drift from them. It reads those tables and writes none.
 */
package com.eventix.analytics;
