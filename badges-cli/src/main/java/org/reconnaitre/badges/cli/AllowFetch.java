package org.reconnaitre.badges.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.reconnaitre.badges.model.Fetcher;
import picocli.CommandLine;

/** The {@code --allow-fetch HOST} option shared by the commands that may reach the network. */
final class AllowFetch {
    private AllowFetch() {}

    /**
     * An HTTPS fetcher limited to the named hosts, or empty when none is named (offline).
     *
     * @throws CommandLine.ParameterException (exit code 2) for a value that is not a bare host name
     */
    static Optional<Fetcher> fetcher(CommandLine commandLine, List<String> allowFetch) {
        if (allowFetch.isEmpty()) {
            return Optional.empty();
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String h : allowFetch) {
            String host = h.strip().toLowerCase(Locale.ROOT);
            if (host.isEmpty() || host.contains("/") || host.contains(":")) {
                throw new CommandLine.ParameterException(commandLine,
                        "--allow-fetch takes a bare host name such as issuer.example.org, not '" + h + "'");
            }
            hosts.add(host);
        }
        return Optional.of(Fetcher.http(hosts));
    }
}
