/**
 * VC-JWT and VC-JOSE: compact JWS parsing with a strict header policy, the Open Badges 3.0 and
 * VC 1.1 payload shapes and their claim-consistency rules, and signing. Nimbus JOSE+JWT is used
 * for the JOSE envelope only; signatures go through the SDK's own key primitives. Internal.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.jwt;

import org.jspecify.annotations.NullMarked;
