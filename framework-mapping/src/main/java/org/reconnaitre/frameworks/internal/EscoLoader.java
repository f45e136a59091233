package org.reconnaitre.frameworks.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.BadgeException;

/**
 * Reads the official ESCO CSV downloads (classification zip per language, relations zip, loose
 * label files such as {@code occupations_fr_v1.1.2.csv}). Columns are read by name. Concept files
 * are read before relation files whatever the order of the arguments. Internal.
 */
public final class EscoLoader {
    private static final Pattern LABEL_FILE =
            Pattern.compile("(occupations|skills|skillGroups|ISCOGroups)_([a-z]{2})(?:_v[0-9.]+)?\\.csv");
    private static final Pattern VERSION = Pattern.compile("esco-v([0-9][0-9.]*[0-9])");
    public static final String ATTRIBUTION = "ESCO, © European Union, https://esco.ec.europa.eu "
            + "(European Skills, Competences, Qualifications and Occupations)";
    public static final String LICENCE = "Reuse permitted with acknowledgement of the source "
            + "(Commission Decision 2011/833/EU)";

    private EscoLoader() {}

    public static FrameworkData load(Path... paths) throws BadgeException {
        List<Sources.Entry> entries = new ArrayList<>(Sources.list(paths));
        entries.removeIf(e -> rank(e.fileName()) < 0);
        if (entries.stream().noneMatch(e -> e.fileName().startsWith("occupations_")
                || e.fileName().startsWith("skills_"))) {
            throw new BadgeException(BadgeException.Code.MALFORMED_DATA,
                    "no ESCO occupations_xx.csv or skills_xx.csv found in " + List.of(paths));
        }
        // English first (the reference labels), then other languages, then relations
        entries.sort(Comparator.comparingInt((Sources.Entry e) -> rank(e.fileName()))
                .thenComparing(e -> e.fileName().contains("_en") ? 0 : 1)
                .thenComparing(Sources.Entry::fileName));
        String version = "";
        for (Path p : paths) {
            Matcher m = VERSION.matcher(p.toString());
            if (m.find()) {
                version = m.group(1);
            }
        }
        FrameworkData.Builder b = new FrameworkData.Builder()
                .meta("esco", "ESCO", version.isEmpty() ? "unknown" : version, LICENCE, ATTRIBUTION)
                .uriPrefix("");
        for (Sources.Entry e : entries) {
            String f = e.fileName();
            Matcher m = LABEL_FILE.matcher(f);
            if (m.matches()) {
                String lang = m.group(2);
                switch (m.group(1)) {
                    case "occupations" -> e.read(csv -> concepts(csv, b, lang, "occupation"));
                    case "skills" -> e.read(csv -> concepts(csv, b, lang, "skill"));
                    case "skillGroups" -> e.read(csv -> concepts(csv, b, lang, "skillGroup"));
                    default -> e.read(csv -> concepts(csv, b, lang, "isco"));
                }
            } else if (f.equals("broaderRelationsOccPillar.csv") || f.equals("broaderRelationsSkillPillar.csv")) {
                e.read(csv -> broader(csv, b));
            } else if (f.equals("occupationSkillRelations.csv")) {
                e.read(csv -> requirements(csv, b));
            }
        }
        return b.build();
    }

    private static int rank(String f) {
        if (LABEL_FILE.matcher(f).matches()) {
            return 0;
        }
        return switch (f) {
            case "broaderRelationsOccPillar.csv", "broaderRelationsSkillPillar.csv" -> 1;
            case "occupationSkillRelations.csv" -> 2;
            default -> -1;
        };
    }

    private static void concepts(Csv csv, FrameworkData.Builder b, String lang, String what) throws BadgeException {
        int uri = csv.column("conceptUri");
        int label = csv.column("preferredLabel");
        int alts = csv.optionalColumn("altLabels");
        int code = csv.optionalColumn("code");
        int skillType = csv.optionalColumn("skillType");
        String[] r;
        while ((r = csv.next()) != null) {
            String u = r[uri].strip();
            if (!u.startsWith("http")) {
                throw csv.error("conceptUri is not a URI: '" + u + "'");
            }
            byte kind = switch (what) {
                case "occupation" -> FrameworkData.OCCUPATION;
                case "skillGroup" -> FrameworkData.SKILL_GROUP;
                case "isco" -> FrameworkData.OCCUPATION_GROUP;
                default -> skillType >= 0 && r[skillType].equals("knowledge")
                        ? FrameworkData.KNOWLEDGE : FrameworkData.SKILL;
            };
            String c = code >= 0 && !r[code].isBlank() ? r[code].strip() : null;
            int i = b.add(u, c, kind);
            b.pref(i, lang, r[label]);
            if (alts >= 0 && !r[alts].isEmpty()) {
                for (String a : r[alts].split("\n")) {
                    b.alt(i, lang, a);
                }
            }
        }
    }

    private static void broader(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int uri = csv.column("conceptUri");
        int br = csv.column("broaderUri");
        String[] r;
        while ((r = csv.next()) != null) {
            int c = b.find(r[uri].strip());
            int p = b.find(r[br].strip());
            if (c >= 0 && p >= 0) {
                b.broader(c, p);
            }
        }
    }

    private static void requirements(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int occ = csv.column("occupationUri");
        int rel = csv.column("relationType");
        int skill = csv.column("skillUri");
        String[] r;
        while ((r = csv.next()) != null) {
            String t = r[rel].strip();
            boolean essential = t.equals("essential");
            if (!essential && !t.equals("optional")) {
                throw csv.error("relationType must be 'essential' or 'optional', found '" + t + "'");
            }
            int o = b.find(r[occ].strip());
            int s = b.find(r[skill].strip());
            if (o >= 0 && s >= 0) {
                b.require(o, s, essential ? 1f : 0.5f, essential ? FrameworkData.ESSENTIAL : FrameworkData.OPTIONAL);
            }
        }
    }
}
