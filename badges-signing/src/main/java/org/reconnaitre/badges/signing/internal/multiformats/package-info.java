/** Internal: base58btc, multibase and multicodec prefixes. Not part of the public API. */
@NullMarked
package org.reconnaitre.badges.signing.internal.multiformats;

import org.jspecify.annotations.NullMarked;
