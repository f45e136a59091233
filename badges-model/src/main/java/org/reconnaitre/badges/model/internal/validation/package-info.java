/**
 * Implementation of {@link org.reconnaitre.badges.model.Validator}: document kinds, the semantic
 * rules, the JSON Schema check and the JSON-LD expansion check. Internal; not part of the API.
 */
@NullMarked
package org.reconnaitre.badges.model.internal.validation;

import org.jspecify.annotations.NullMarked;
