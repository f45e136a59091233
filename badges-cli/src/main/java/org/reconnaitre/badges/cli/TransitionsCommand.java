package org.reconnaitre.badges.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.frameworks.Concept;
import org.reconnaitre.frameworks.ConceptKind;
import org.reconnaitre.frameworks.Framework;
import org.reconnaitre.frameworks.Frameworks;
import org.reconnaitre.frameworks.Gap;
import org.reconnaitre.frameworks.Proximity;
import org.reconnaitre.frameworks.Transition;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "transitions", mixinStandardHelpOptions = true,
        description = {"Rank career moves between occupations of a referential, from competencies only: "
                + "for each origin, the K destinations whose requirements it covers best.",
                "tsv prints a header then one row per pair: origin, rank, destination, score. json adds labels "
                        + "and the missing competencies."},
        footer = {"", "Examples:", "  badges transitions --framework rome --data ../shared/data/rome-v460 --from M1602 --top 5",
                "  badges transitions --framework esco --data ../shared/data/esco-v1.1.1 --all --top 10 > esco.tsv"})
final class TransitionsCommand extends BaseCommand {
    /** Referentials, as spelled on the command line. */
    enum Kind { esco, rome }

    /** Output formats. */
    enum Format { tsv, json }

    static final class Origins {
        @Option(names = "--from", required = true, paramLabel = "CODE",
                description = "The origin occupation: a ROME code (M1602), an ESCO occupation URI or code.")
        @Nullable String from;

        @Option(names = "--all", required = true, description = "Every occupation of the referential.")
        boolean all;
    }

    @Option(names = "--framework", required = true, paramLabel = "NAME", description = "${COMPLETION-CANDIDATES}.")
    @SuppressWarnings("NullAway.Init")
    Kind framework;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The referential's open-data directory (ROME v460 CSVs; ESCO CSV zips).")
    @SuppressWarnings("NullAway.Init")
    Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    @SuppressWarnings("NullAway.Init")
    Origins origins;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Destinations per origin (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    int run() {
        if (top < 1 || top > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must be between 1 and 1000, not " + top);
        }
        if (!Files.isDirectory(data)) {
            throw CliFailure.unreadable(data + ": not a directory");
        }
        Framework fw;
        try {
            fw = Frameworks.load(framework.name(), data);
        } catch (BadgeException e) {
            throw CliFailure.unreadable("cannot load " + framework + " from " + data + ": " + e.getMessage(), e);
        }
        Proximity proximity = fw.proximity();
        List<Transition> rows = new ArrayList<>();
        if (origins.from != null) {
            String code = origins.from;
            Concept origin = fw.concept(code).filter(c -> c.kind() == ConceptKind.OCCUPATION)
                    .orElseThrow(() -> CliFailure.unreadable("no occupation '" + code + "' in " + fw.name() + " " + fw.version()));
            rows.addAll(proximity.transitions(origin, top));
        } else {
            List<Concept> all = new ArrayList<>(proximity.occupations());
            all.sort(Comparator.comparing(this::ref));
            for (Concept origin : all) {
                rows.addAll(proximity.transitions(origin, top));
            }
        }
        if (format == Format.tsv) {
            out().println("origin\trank\tdestination\tscore");
        }
        StringJoiner json = new StringJoiner(",\n  ", "[\n  ", "\n]");
        String previous = "";
        int rank = 0;
        for (Transition t : rows) {
            String o = ref(t.origin());
            rank = o.equals(previous) ? rank + 1 : 1;
            previous = o;
            String score = String.format(Locale.ROOT, "%.4f", t.score());
            if (format == Format.tsv) {
                out().println(BadgesCli.show(o) + "\t" + rank + "\t" + BadgesCli.show(ref(t.destination())) + "\t" + score);
            } else {
                StringJoiner missing = new StringJoiner(", ", "[", "]");
                t.missing().stream().limit(10).map(Gap::competency)
                        .forEach(c -> missing.add(JsonOut.str(c.preferredLabel())));
                json.add("{\"origin\": " + JsonOut.str(o) + ", \"rank\": " + rank + ", \"destination\": "
                        + JsonOut.str(ref(t.destination())) + ", \"score\": " + score
                        + ", \"originLabel\": " + JsonOut.str(t.origin().preferredLabel())
                        + ", \"destinationLabel\": " + JsonOut.str(t.destination().preferredLabel())
                        + ", \"missing\": " + missing + "}");
            }
        }
        if (format == Format.json) {
            out().println(rows.isEmpty() ? "[]" : json.toString());
        }
        return ExitCodes.VALID;
    }

    /** The identifier printed (and accepted by --from): the ROME code, or the ESCO concept URI. */
    private String ref(Concept c) {
        return framework == Kind.rome ? c.code().orElse(c.id()) : c.id();
    }
}
