/**
 * The Open Badges data model: Open Badges 3.0 (W3C Verifiable Credentials 1.1 and 2.0 shapes),
 * CLR 2.0 and Open Badges 2.0 types, JSON in and out, bundled JSON-LD contexts, validation and
 * baking.
 *
 * <p>Every public type in this package is immutable and thread-safe unless its documentation says
 * otherwise. Nothing here touches the network: resources outside the bundled contexts are reached
 * only through a {@link org.reconnaitre.badges.model.Fetcher} that the caller supplies.
 */
@NullMarked
package org.reconnaitre.badges.model;

import org.jspecify.annotations.NullMarked;
