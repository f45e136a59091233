/**
 * Small programs to copy from. Each has a {@code main} method and is run by a test.
 *
 * <ul>
 *   <li>{@link org.reconnaitre.examples.IssueAndSignBadge}: issue an Open Badges 3.0 credential and sign it;</li>
 *   <li>{@link org.reconnaitre.examples.VerifyReceivedBadge}: verify a badge a candidate uploads, as an
 *       applicant tracking system would, and decide what to show and what to keep;</li>
 *   <li>{@link org.reconnaitre.examples.AlignBadgeToEscoAndRome}: align a badge to ESCO and ROME and
 *       find the jobs it brings within reach;</li>
 *   <li>{@link org.reconnaitre.examples.DiscloseSelectively}: a worker shows a badge without the
 *       assessor's notes (ecdsa-sd-2023 selective disclosure), and the employer still verifies it.</li>
 * </ul>
 */
@NullMarked
package org.reconnaitre.examples;

import org.jspecify.annotations.NullMarked;
