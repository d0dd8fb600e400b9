/**
 * Demo data for development and demos: documented accounts and published events, loaded through the
 * regular procedures when EVENTIX_DEMO_DATA=true.
 */
package com.eventix.demo;
