/** Implementation of the conformance kit; not a public API. */
@NullMarked
package org.reconnaitre.badges.conformance.internal;

import org.jspecify.annotations.NullMarked;
