/**
 * Text shown to people: untrusted values made safe for a terminal. Internal: not part of the
 * public API.
 */
@NullMarked
package org.reconnaitre.badges.model.internal.text;

import org.jspecify.annotations.NullMarked;
