/**
 * Event banner images: checking an upload is a real PNG or JPEG of sane size, and keeping it behind the
 * {@link com.eventix.events.control.banners.BannerStorage} port, on the local disk or in an S3 bucket.
 */
package com.eventix.events.control.banners;
