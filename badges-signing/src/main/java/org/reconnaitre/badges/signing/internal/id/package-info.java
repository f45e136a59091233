/**
 * Internal: one parser for the identifiers the verifier compares (DIDs, DID URLs, http(s) URLs,
 * other absolute URIs), so that every check agrees on what a value is and when two values name the
 * same thing.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.id;

import org.jspecify.annotations.NullMarked;
