/**
 * Open Badges 2.0 verification (hosted and signed assertions and endorsements; other OB 2.0 nodes are
 * refused as not credentials), reached through {@code Verifier.verify}. The issuer's server is the
 * source of truth: a hosted assertion, the issuer profile and a signing key count only as served at
 * their own URLs (see {@link org.reconnaitre.badges.signing.internal.ob2.Ob2Verifier}). Not part of
 * the public API.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.ob2;

import org.jspecify.annotations.NullMarked;
