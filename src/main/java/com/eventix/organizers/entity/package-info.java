/**
 * The organizer profile and its verification state.
 */
package com.eventix.organizers.entity;
