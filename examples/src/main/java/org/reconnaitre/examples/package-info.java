/**
 * Small programs to copy from. Each has a {@code main} method and is run by a test.
 *
 * <ul>
 *   <li>{@link org.reconnaitre.examples.IssueAndSignBadge}: issue an Open Badges 3.0 credential and sign it;</li>
 *   <li>{@link org.reconnaitre.examples.VerifyReceivedBadge}: verify a badge a candidate uploads, as an
 *       applicant tracking system would, and decide what to show and what to keep.</li>
 * </ul>
 */
@NullMarked
package org.reconnaitre.examples;

import org.jspecify.annotations.NullMarked;
