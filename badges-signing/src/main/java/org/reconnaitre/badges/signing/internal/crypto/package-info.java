/**
 * Internal: signature primitives. BouncyCastle low-level classes for Ed25519 and ECDSA P-256 (never
 * registered as a global JCA provider), the JDK for RSA. Not part of the public API.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.crypto;

import org.jspecify.annotations.NullMarked;
