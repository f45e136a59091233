package org.reconnaitre.frameworks.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Label normalisation shared by proximity and label matching: lower case, accents folded,
 * French gender forms reduced ("Conducteur / Conductrice" → "conducteur"), stop words removed,
 * light stemming by prefix. Stateless and thread-safe. Internal.
 */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    /** ROME style "Conducteur / Conductrice de bus": a word-level gender pair. */
    private static final Pattern GENDER_PAIR = Pattern.compile("(\\S+)\\s+/\\s+(\\S+)");
    private static final Pattern HF = Pattern.compile("\\((h|f|h\\s*/\\s*f|f\\s*/\\s*h)\\)");
    private static final Set<String> STOP = Set.of("de", "la", "le", "les", "des", "du", "un", "une", "et",
            "en", "au", "aux", "pour", "par", "sur", "dans", "avec", "ou", "selon", "son", "sa", "ses", "leur",
            "leurs", "ces", "cet", "cette", "tout", "tous", "toute", "toutes", "the", "of", "and", "to", "in",
            "for", "on", "with", "or", "an", "by", "as", "at", "from", "its", "their", "a", "d", "l", "s");

    private Text() {}

    /**
     * The gender forms of a label: ROME "Conducteur / Conductrice de bus" gives "Conducteur de bus"
     * and "Conductrice de bus"; ESCO "directeur technique/directrice technique" gives both halves.
     */
    public static List<String> variants(String label) {
        String s = HF.matcher(label.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (GENDER_PAIR.matcher(s).find()) {
            return List.of(GENDER_PAIR.matcher(s).replaceAll("$1"), GENDER_PAIR.matcher(s).replaceAll("$2"));
        }
        if (s.indexOf('/') > 0 && s.indexOf('/') < s.length() - 1) {
            List<String> out = new ArrayList<>();
            for (String part : s.split("/")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }
        return List.of(s);
    }

    /** @return lower case, accents folded, first gender form only, (H/F) removed, single spaces */
    public static String normalize(String label) {
        String s = variants(label).get(0);
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.replace('œ', 'o').replace('æ', 'a');
        return NON_WORD.matcher(s).replaceAll(" ").strip();
    }

    /** @return the content words of a label, each cut to {@code prefix} characters (0 = whole) */
    public static List<String> tokens(String label, int prefix) {
        List<String> out = new ArrayList<>();
        for (String w : normalize(label).split(" ")) {
            if (w.length() < 2 || STOP.contains(w)) {
                continue;
            }
            out.add(prefix > 0 && w.length() > prefix ? w.substring(0, prefix) : w);
        }
        return out;
    }

    /** @return character n-grams of the normalised label with boundary marks (for fuzzy matching) */
    public static List<String> charGrams(String label, int n) {
        String s = " " + normalize(label) + " ";
        List<String> out = new ArrayList<>();
        for (int i = 0; i + n <= s.length(); i++) {
            out.add(s.substring(i, i + n));
        }
        return out;
    }
}
