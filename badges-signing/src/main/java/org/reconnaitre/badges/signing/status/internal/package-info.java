/**
 * Status list decoding behind {@link org.reconnaitre.badges.signing.status.StatusLists}.
 * Internal: not part of the public API.
 */
@NullMarked
package org.reconnaitre.badges.signing.status.internal;

import org.jspecify.annotations.NullMarked;
