/**
 * The allow-listed HTTP fetcher behind {@link org.reconnaitre.badges.model.Fetcher#http(java.util.Set)}.
 * Internal: not part of the public API.
 */
@NullMarked
package org.reconnaitre.badges.model.internal.http;

import org.jspecify.annotations.NullMarked;
