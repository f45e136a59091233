/** Internal: verification method resolution (did:key, did:web, controller documents). */
@NullMarked
package org.reconnaitre.badges.signing.internal.did;

import org.jspecify.annotations.NullMarked;
