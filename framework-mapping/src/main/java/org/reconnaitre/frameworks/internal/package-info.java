/**
 * Implementation details of framework-mapping (CSV, loaders, compact storage, indexes). Not API.
 */
@NullMarked
package org.reconnaitre.frameworks.internal;

import org.jspecify.annotations.NullMarked;
