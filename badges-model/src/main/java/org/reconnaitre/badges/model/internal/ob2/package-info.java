/**
 * Open Badges 2.0 support code shared by the model and the verifier: validation of OB 2.0
 * extension nodes against the JSON Schema their extension context names, and the upgrade of
 * OB 0.5 / 1.0 / 1.1 documents to the OB 2.0 shape. Internal; may change without notice.
 */
@NullMarked
package org.reconnaitre.badges.model.internal.ob2;

import org.jspecify.annotations.NullMarked;
