package org.reconnaitre.frameworks.crosswalk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.reconnaitre.frameworks.Concept;
import org.reconnaitre.frameworks.ConceptKind;
import org.reconnaitre.frameworks.Framework;
import org.reconnaitre.frameworks.internal.Text;

/**
 * Candidate occupation mappings between two frameworks from their labels in one language — made
 * for ROME job sheets (title and appellations) against ESCO occupations (French preferred and
 * alternative labels), exported as SSSOM for a person to review.
 *
 * <p>Labels are normalised (case, accents, ROME "Conducteur / Conductrice" and ESCO
 * "directeur/directrice" gender forms, "(H/F)") and compared as TF-IDF vectors of character
 * 3-grams (cosine). For each object occupation the best subject is proposed:
 * <ul>
 *   <li>identical normalised labels: the subject's title → {@code CLOSE} (0.95); one of its
 *       appellations → {@code NARROW} (0.9: the object names one job of the broader sheet);</li>
 *   <li>otherwise the best cosine ≥ {@code threshold}: {@code CLOSE} when ≥ 0.85, else
 *       {@code RELATED}, with confidence 0.9 × cosine.</li>
 * </ul>
 * Justification {@code semapv:LexicalMatching}; the comment names the two labels that matched.
 *
 * <pre>{@code
 * Crosswalk candidates = OccupationMatcher.candidates(rome, esco, "fr", 0.5);
 * Files.writeString(Path.of("rome-esco.sssom.tsv"), candidates.toSssom());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class OccupationMatcher {
    private OccupationMatcher() {}

    private record Label(int concept, String text, boolean preferred, Map<String, Float> vec) {}

    /**
     * @param subjects the framework whose occupations are subjects (e.g. ROME)
     * @param objects the framework whose occupations are objects (e.g. ESCO)
     * @param language the label language both share (e.g. "fr")
     * @param threshold the minimum cosine for a non-identical candidate, in [0, 1]
     */
    public static Crosswalk candidates(Framework subjects, Framework objects, String language, double threshold) {
        Objects.requireNonNull(language, "language");
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
        }
        List<Concept> subj = subjects.concepts(ConceptKind.OCCUPATION);
        List<Concept> obj = objects.concepts(ConceptKind.OCCUPATION);
        List<Label> sl = labels(subj, language);
        List<Label> ol = labels(obj, language);
        // IDF over every label of both sides
        Map<String, Integer> df = new HashMap<>();
        for (List<Label> side : List.of(sl, ol)) {
            for (Label l : side) {
                l.vec().keySet().forEach(g -> df.merge(g, 1, Integer::sum));
            }
        }
        double n = sl.size() + ol.size();
        for (List<Label> side : List.of(sl, ol)) {
            for (Label l : side) {
                double norm = 0;
                for (Map.Entry<String, Float> e : l.vec().entrySet()) {
                    float w = (float) (e.getValue() * Math.log(n / df.get(e.getKey())));
                    e.setValue(w);
                    norm += w * w;
                }
                double nn = Math.sqrt(norm);
                l.vec().replaceAll((g, w) -> nn == 0 ? 0f : (float) (w / nn));
            }
        }
        // inverted index over subject labels: gram -> (label ids, weights)
        Map<String, List<float[]>> build = new HashMap<>();
        Map<String, List<Integer>> exact = new HashMap<>();
        for (int i = 0; i < sl.size(); i++) {
            for (Map.Entry<String, Float> e : sl.get(i).vec().entrySet()) {
                build.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new float[] {i, e.getValue()});
            }
            exact.computeIfAbsent(sl.get(i).text(), k -> new ArrayList<>()).add(i);
        }
        int common = Math.max(50, sl.size() / 20); // skip grams in more than 5% of labels for speed
        Map<String, int[]> postIds = new HashMap<>();
        Map<String, float[]> postW = new HashMap<>();
        build.forEach((g, l) -> {
            if (l.size() <= common) {
                int[] ids = new int[l.size()];
                float[] ws = new float[l.size()];
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = (int) l.get(k)[0];
                    ws[k] = l.get(k)[1];
                }
                postIds.put(g, ids);
                postW.put(g, ws);
            }
        });
        double[] acc = new double[sl.size()];
        int[] touched = new int[sl.size()];
        Map<Integer, Mapping> best = new HashMap<>();
        for (Label o : ol) {
            Mapping m;
            List<Integer> same = exact.get(o.text());
            if (same != null) {
                Label s = sl.get(same.stream().filter(i -> sl.get(i).preferred()).findFirst().orElse(same.get(0)));
                m = mapping(subj.get(s.concept()), obj.get(o.concept()), s, o, language,
                        s.preferred() ? Predicate.CLOSE : Predicate.NARROW, s.preferred() ? 0.95 : 0.9, 1.0);
            } else {
                int nt = 0;
                for (Map.Entry<String, Float> e : o.vec().entrySet()) {
                    int[] ids = postIds.get(e.getKey());
                    if (ids == null) {
                        continue;
                    }
                    float[] ws = postW.get(e.getKey());
                    float x = e.getValue();
                    for (int k = 0; k < ids.length; k++) {
                        double add = (double) x * ws[k];
                        if (add <= 0) {
                            continue;
                        }
                        if (acc[ids[k]] == 0) {
                            touched[nt++] = ids[k];
                        }
                        acc[ids[k]] += add;
                    }
                }
                int bi = -1;
                double bs = 0;
                for (int k = 0; k < nt; k++) {
                    int i = touched[k];
                    if (acc[i] > bs || (acc[i] == bs && i < bi)) {
                        bs = acc[i];
                        bi = i;
                    }
                    acc[i] = 0;
                }
                if (bi < 0 || bs < threshold) {
                    continue;
                }
                Label s = sl.get(bi);
                m = mapping(subj.get(s.concept()), obj.get(o.concept()), s, o, language,
                        bs >= 0.85 ? Predicate.CLOSE : Predicate.RELATED, 0.9 * Math.min(1, bs), bs);
            }
            Mapping old = best.get(o.concept());
            if (old == null || m.confidence() > old.confidence()) {
                best.put(o.concept(), m);
            }
        }
        List<Mapping> out = new ArrayList<>(best.values());
        out.sort((a, b) -> {
            int c = a.subjectId().compareTo(b.subjectId());
            return c != 0 ? c : a.objectId().compareTo(b.objectId());
        });
        return Crosswalk.of("urn:reconnaitre:candidates:" + subjects.id() + "-" + objects.id() + ":" + language,
                subjects.licence() + " / " + objects.licence(), out);
    }

    private static Mapping mapping(Concept s, Concept o, Label sl, Label ol, String lang, Predicate p,
            double confidence, double cosine) {
        return new Mapping(s.id(), s.preferredLabel(lang).orElse(s.preferredLabel()), p, o.id(),
                o.preferredLabel(lang).orElse(o.preferredLabel()), confidence, "semapv:LexicalMatching",
                String.format(Locale.ROOT, "label '%s' ~ '%s' (char 3-gram cosine %.3f)", sl.text(), ol.text(), cosine));
    }

    private static List<Label> labels(List<Concept> concepts, String lang) {
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < concepts.size(); i++) {
            Concept c = concepts.get(i);
            List<String> seen = new ArrayList<>();
            String pref = c.preferredLabel(lang).orElse(null);
            if (pref != null) {
                addVariants(out, seen, i, pref, true);
            }
            for (String alt : c.alternativeLabels(lang)) {
                addVariants(out, seen, i, alt, false);
            }
        }
        return out;
    }

    private static void addVariants(List<Label> out, List<String> seen, int concept, String label, boolean preferred) {
        for (String v : Text.variants(label)) {
            String norm = Text.normalize(v);
            if (norm.isEmpty() || seen.contains(norm)) {
                continue;
            }
            seen.add(norm);
            Map<String, Float> vec = new HashMap<>();
            for (String g : Text.charGrams(norm, 3)) {
                vec.merge(g, 1f, Float::sum);
            }
            out.add(new Label(concept, norm, preferred, vec));
        }
    }
}
