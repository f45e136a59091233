package org.reconnaitre.frameworks.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.BadgeException;

/**
 * Reads the ROME 4.0 open data CSV files (v460 layout, {@code unix_*_vNNN_utf8.csv}) from one
 * directory. Reads exactly these files: referentiel_code_rome, cr_gd_dp (domains, optional),
 * referentiel_appellation, referentiel_competence, referentiel_savoir,
 * referentiel_contexte_travail and coherence_item. It never opens
 * {@code unix_rubrique_mobilite_*} (the expert mobilities, kept as an evaluation answer key).
 *
 * <p>Identifiers: {@code urn:rome:fiche:A1101} for job sheets, {@code urn:rome:ogr:NNN} for
 * items (competences, macro-competences, savoirs, work contexts), {@code urn:rome:group:...} for
 * groups rebuilt from codes and categories (the competence tree file is not published in v460).
 * Internal.
 */
public final class RomeLoader {
    public static final String FICHE = "urn:rome:fiche:";
    public static final String OGR = "urn:rome:ogr:";
    public static final String GROUP = "urn:rome:group:";
    public static final String ATTRIBUTION = "ROME 4.0, France Travail, version ";
    public static final String LICENCE = "Licence Ouverte / Open Licence version 2.0 (Etalab)";
    /** The files the loader reads; the answer key is deliberately not among them. */
    public static final List<String> FILES = List.of("referentiel_code_rome", "cr_gd_dp",
            "referentiel_appellation", "referentiel_competence", "referentiel_savoir",
            "referentiel_contexte_travail", "coherence_item");
    private static final Pattern FILE = Pattern.compile("unix_referentiel_code_rome_v([0-9]+)_utf8\\.csv");

    private RomeLoader() {}

    public static FrameworkData load(Path dir) throws BadgeException {
        if (!Files.isDirectory(dir)) {
            throw new BadgeException(BadgeException.Code.IO, "not a directory: " + dir);
        }
        String v = null;
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Matcher m = FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    v = m.group(1);
                }
            }
        } catch (java.io.IOException e) {
            throw new BadgeException(BadgeException.Code.IO, "cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (v == null) {
            throw new BadgeException(BadgeException.Code.MALFORMED_DATA,
                    "no unix_referentiel_code_rome_vNNN_utf8.csv in " + dir + " (is it the ROME 4.0 open data?)");
        }
        String version = "v" + v;
        FrameworkData.Builder b = new FrameworkData.Builder()
                .meta("rome", "ROME 4.0", version, LICENCE, ATTRIBUTION + version + " (data.gouv.fr / francetravail.io)")
                .uriPrefix("");
        read(dir, "referentiel_code_rome", v, true, csv -> fiches(csv, b));
        read(dir, "cr_gd_dp", v, false, csv -> domains(csv, b));
        read(dir, "referentiel_appellation", v, true, csv -> appellations(csv, b));
        read(dir, "referentiel_competence", v, true, csv -> competences(csv, b));
        read(dir, "referentiel_savoir", v, true, csv -> savoirs(csv, b));
        read(dir, "referentiel_contexte_travail", v, false, csv -> contexts(csv, b));
        read(dir, "coherence_item", v, true, csv -> coherence(csv, b));
        return b.build();
    }

    private static void read(Path dir, String what, String v, boolean required, Sources.CsvConsumer c)
            throws BadgeException {
        if (what.contains("mobilite")) {
            throw new IllegalStateException("the mobility answer key must not be read by the loader");
        }
        Path f = dir.resolve("unix_" + what + "_v" + v + "_utf8.csv");
        if (!Files.isRegularFile(f)) {
            if (required) {
                throw new BadgeException(BadgeException.Code.MALFORMED_DATA, "missing ROME file " + f);
            }
            return;
        }
        try (var in = Files.newInputStream(f)) {
            Sources.readStream(in, f.toString(), c);
        } catch (java.io.IOException e) {
            throw new BadgeException(BadgeException.Code.IO, "cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static void fiches(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int code = csv.column("code_rome");
        int ogr = csv.column("code_ogr");
        int label = csv.column("libelle_rome");
        String[] r;
        while ((r = csv.next()) != null) {
            String c = r[code].strip();
            if (!c.matches("[A-N][0-9]{4}")) {
                throw csv.error("code_rome is not a ROME code (letter + 4 digits): '" + c + "'");
            }
            int i = b.add(FICHE + c, c, FrameworkData.OCCUPATION);
            b.pref(i, "fr", r[label]);
            if (!r[ogr].isBlank()) {
                b.alias(OGR + r[ogr].strip(), i);
            }
        }
    }

    private static void domains(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int code = csv.column("code_rome");
        int gd = csv.column("code_grand_domaine");
        int gdl = csv.column("libelle_grand_domaine");
        int dp = csv.column("code_domaine_professionel");
        int dpl = csv.column("libelle_domaine_professionel");
        String[] r;
        while ((r = csv.next()) != null) {
            int f = b.find(FICHE + r[code].strip());
            if (f < 0) {
                continue;
            }
            int g = b.add(GROUP + "domaine:" + r[gd].strip(), r[gd].strip(), FrameworkData.OCCUPATION_GROUP);
            b.pref(g, "fr", r[gdl]);
            int d = b.add(GROUP + "domaine:" + r[dp].strip(), r[dp].strip(), FrameworkData.OCCUPATION_GROUP);
            b.pref(d, "fr", r[dpl]);
            b.broader(d, g);
            b.broader(f, d);
        }
    }

    private static void appellations(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int ogr = csv.column("code_ogr");
        int label = csv.column("libelle_appellation_long");
        int code = csv.column("code_rome");
        String[] r;
        while ((r = csv.next()) != null) {
            int f = b.find(FICHE + r[code].strip());
            if (f < 0) {
                throw csv.error("appellation " + r[ogr] + " refers to an unknown ROME code '" + r[code] + "'");
            }
            b.alt(f, "fr", r[label]);
            b.alias(OGR + r[ogr].strip(), f);
            b.alias(r[ogr].strip(), f);
        }
    }

    private static void competences(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int ogr = csv.column("code_ogr");
        int nature = csv.column("nature");
        int label = csv.column("libelle_competence");
        int macroOgr = csv.column("code_ogr_macro_comp");
        int macroCode = csv.column("code_macro_comp");
        String[] r;
        // first pass creates every concept; links to macro-competences are kept for the end
        java.util.List<int[]> pending = new java.util.ArrayList<>();
        java.util.List<String> pendingMacro = new java.util.ArrayList<>();
        while ((r = csv.next()) != null) {
            String code = r[ogr].strip();
            if (code.isEmpty()) {
                throw csv.error("empty code_ogr");
            }
            int i = b.add(OGR + code, code, FrameworkData.SKILL);
            b.pref(i, "fr", r[label]);
            if (r[nature].startsWith("Macro")) {
                String mc = r[macroCode].strip();
                // 4A101 -> 4A1 -> 4A -> 4: the competence tree rebuilt from the codes
                int child = i;
                for (int len = Math.min(3, mc.length()); len >= 1; len--) {
                    String g = mc.substring(0, len);
                    int gi = b.add(GROUP + "competence:" + g, g, FrameworkData.SKILL_GROUP);
                    b.pref(gi, "fr", "Groupe de compétences " + g);
                    b.broader(child, gi);
                    child = gi;
                }
            } else if (!r[macroOgr].isBlank()) {
                pending.add(new int[] {i});
                pendingMacro.add(r[macroOgr].strip());
            }
        }
        for (int k = 0; k < pending.size(); k++) {
            int m = b.find(OGR + pendingMacro.get(k));
            if (m >= 0) {
                b.broader(pending.get(k)[0], m);
            }
        }
    }

    private static void savoirs(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int ogr = csv.column("code_ogr_savoir");
        int label = csv.column("libelle_savoir");
        int cat = csv.column("categorie_savoir");
        int sub = csv.column("sous_categorie_savoir");
        String[] r;
        while ((r = csv.next()) != null) {
            int i = b.add(OGR + r[ogr].strip(), r[ogr].strip(), FrameworkData.KNOWLEDGE);
            b.pref(i, "fr", r[label]);
            if (!r[cat].isBlank()) {
                int c = b.add(GROUP + "savoir:" + slug(r[cat]), null, FrameworkData.SKILL_GROUP);
                b.pref(c, "fr", r[cat]);
                int parent = c;
                if (!r[sub].isBlank()) {
                    int s = b.add(GROUP + "savoir:" + slug(r[cat]) + "/" + slug(r[sub]), null, FrameworkData.SKILL_GROUP);
                    b.pref(s, "fr", r[sub]);
                    b.broader(s, c);
                    parent = s;
                }
                b.broader(i, parent);
            }
        }
    }

    private static void contexts(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int ogr = csv.column("code_ogr");
        int label = csv.column("libelle_cont_travail");
        int type = csv.column("code_type_cont_trav");
        int typeLabel = csv.column("libelle_type_cont_trav");
        String[] r;
        while ((r = csv.next()) != null) {
            int i = b.add(OGR + r[ogr].strip(), r[ogr].strip(), FrameworkData.WORK_CONTEXT);
            b.pref(i, "fr", r[label]);
            if (!r[type].isBlank()) {
                int t = b.add(GROUP + "contexte:" + r[type].strip(), null, FrameworkData.SKILL_GROUP);
                b.pref(t, "fr", r[typeLabel]);
                b.broader(i, t);
            }
        }
    }

    private static void coherence(Csv csv, FrameworkData.Builder b) throws BadgeException {
        int code = csv.column("code_rome");
        int ogr = csv.column("code_ogr");
        int core = csv.column("coeur_metier");
        String[] r;
        while ((r = csv.next()) != null) {
            int f = b.find(FICHE + r[code].strip());
            if (f < 0) {
                throw csv.error("unknown ROME code '" + r[code] + "'");
            }
            int i = b.find(OGR + r[ogr].strip());
            if (i < 0 || b.kind(i) == FrameworkData.OCCUPATION) {
                continue; // an item of a referential this copy does not hold
            }
            boolean principal = r[core].strip().equalsIgnoreCase("Principale");
            b.require(f, i, principal ? 1f : 0.5f, principal ? FrameworkData.ESSENTIAL : FrameworkData.OPTIONAL);
        }
    }

    static String slug(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
