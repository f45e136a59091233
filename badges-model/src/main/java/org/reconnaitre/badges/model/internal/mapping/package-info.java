/**
 * JSON mapping of the data model: streaming reader and writer for
 * {@link org.reconnaitre.badges.model.JsonValue}, lexical helpers for dates and identifiers.
 * Internal; may change without notice.
 */
@NullMarked
package org.reconnaitre.badges.model.internal.mapping;

import org.jspecify.annotations.NullMarked;
