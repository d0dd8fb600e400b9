/**
 * The API contract's edge: the envelope every response uses, the stable error codes, and the exception mappers that turn failures into them. Nothing below the boundary builds HTTP responses.
 */
package com.eventix.platform.api;
