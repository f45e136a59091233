/**
 * The {@code badges} command line. {@link org.reconnaitre.badges.cli.BadgesCli} is the entry
 * point; every other type in this package is an implementation detail of the commands.
 *
 * <p>Exit codes are a contract: 0 when the input is valid, 1 when a check failed, 2 when the
 * input could not be read or the command line is wrong.
 */
@NullMarked
package org.reconnaitre.badges.cli;

import org.jspecify.annotations.NullMarked;
