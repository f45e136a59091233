/**
 * Evaluation of occupation proximity against ROME's expert mobilities (the answer key, read only
 * here). Not API.
 */
@NullMarked
package org.reconnaitre.frameworks.internal.eval;

import org.jspecify.annotations.NullMarked;
