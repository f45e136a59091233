package org.reconnaitre.badges.signing.internal.di;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * RDF Dataset Canonicalization (W3C RDFC-1.0, SHA-256), written from the specification. Collects
 * quads (as an {@link RdfQuadConsumer}), then labels blank nodes canonically and serialises
 * sorted canonical N-Quads. A {@link Runnable} tick is called inside the N-degree loops so a
 * caller can stop a crafted graph. Internal. One instance per canonicalization; not thread-safe.
 */
public final class Rdfc10 implements RdfQuadConsumer {
    private static final int S = 0;
    private static final int O = 2;
    private static final int G = 6;

    private final List<String[]> quads = new ArrayList<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private final Map<String, List<String[]>> bnodeQuads = new LinkedHashMap<>();
    private final Map<String, String> firstDegree = new java.util.HashMap<>();
    private final Runnable tick;
    private Issuer canonical = new Issuer("_:c14n");

    /** @param tick called often during the N-degree search; throw from it to stop */
    public Rdfc10(Runnable tick) {
        this.tick = tick;
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, @Nullable String datatype,
            @Nullable String language, @Nullable String direction, @Nullable String graph) {
        String[] q = {subject, predicate, object, datatype, language, direction, graph};
        if (seen.add(NQuads.quad(subject, predicate, object, datatype, language, direction, graph))) {
            quads.add(q);
            if (isBlank(subject)) {
                bnodeQuads.computeIfAbsent(subject, k -> new ArrayList<>()).add(q);
            }
            if (!isLiteral(q) && isBlank(object) && !object.equals(subject)) {
                bnodeQuads.computeIfAbsent(object, k -> new ArrayList<>()).add(q);
            }
            if (graph != null && isBlank(graph) && !graph.equals(subject) && !(!isLiteral(q) && graph.equals(object))) {
                bnodeQuads.computeIfAbsent(graph, k -> new ArrayList<>()).add(q);
            }
        }
        return this;
    }

    /** @return the canonical N-Quads, sorted, one per line */
    public String canonicalize() {
        // 4.4 step 3: first-degree hashes
        TreeMap<String, List<String>> byHash = new TreeMap<>();
        for (String b : bnodeQuads.keySet()) {
            String h = hashFirstDegree(b);
            byHash.computeIfAbsent(h, k -> new ArrayList<>()).add(b);
        }
        // step 4: unique hashes, in hash order
        List<String> shared = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byHash.entrySet()) {
            if (e.getValue().size() == 1) {
                canonical.issue(e.getValue().get(0));
            } else {
                shared.add(e.getKey());
            }
        }
        // step 5: shared hashes, through N-degree hashing
        for (String h : shared) {
            List<Result> results = new ArrayList<>();
            for (String b : byHash.get(h)) {
                if (canonical.has(b)) {
                    continue;
                }
                Issuer temp = new Issuer("_:b");
                temp.issue(b);
                results.add(hashNDegree(b, temp));
            }
            results.sort((a, c) -> a.hash.compareTo(c.hash));
            for (Result r : results) {
                for (String existing : r.issuer.order) {
                    canonical.issue(existing);
                }
            }
        }
        // step 6: relabel and sort
        TreeSet<String> lines = new TreeSet<>(Rdfc10::codePointCompare);
        for (String[] q : quads) {
            lines.add(serialize(q, null));
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l);
        }
        return sb.toString();
    }

    /**
     * After {@link #canonicalize()}: the canonical N-Quads with every canonical blank node label
     * ({@code _:c14nN}) replaced by {@code relabel}'s answer, sorted again (UTF-16 order, as the
     * JavaScript implementations of the selective disclosure suites sort), duplicates removed.
     *
     * @param relabel maps a canonical label such as {@code _:c14n0} to its new label (with {@code _:})
     * @return one N-Quad per element, each ending with a line feed
     */
    public List<String> relabeled(java.util.function.UnaryOperator<String> relabel) {
        return relabel(b -> relabel.apply(canonical.get(b)));
    }

    /**
     * As {@link #relabeled}, but {@code relabel} receives the input blank node labels (as given
     * to {@link #quad}); works without {@link #canonicalize()}.
     */
    public List<String> relabeledInput(java.util.function.UnaryOperator<String> relabel) {
        return relabel(relabel);
    }

    private List<String> relabel(java.util.function.UnaryOperator<String> relabel) {
        TreeSet<String> lines = new TreeSet<>();
        for (String[] q : quads) {
            String s = isBlank(q[S]) ? relabel.apply(q[S]) : q[S];
            String o = !isLiteral(q) && isBlank(q[O]) ? relabel.apply(q[O]) : q[O];
            String g = q[G] != null && isBlank(q[G]) ? relabel.apply(q[G]) : q[G];
            lines.add(NQuads.quad(s, q[1], o, q[3], q[4], q[5], g));
        }
        return new ArrayList<>(lines);
    }

    /**
     * After {@link #canonicalize()}: the dataset with canonical blank node labels, as
     * {@link NQuads#parse} reads it (a literal without datatype is an {@code xsd:string}).
     */
    public java.util.Set<NQuads.Quad> canonicalDataset() {
        java.util.Set<NQuads.Quad> out = new java.util.HashSet<>();
        for (String[] q : quads) {
            boolean literal = isLiteral(q);
            String dt = !literal ? null : q[4] != null ? NQuads.RDF_LANG_STRING : q[3] != null ? q[3] : NQuads.XSD_STRING;
            out.add(new NQuads.Quad(label(q[S], null), q[1], literal ? q[O] : label(q[O], null), dt, q[4],
                    q[G] == null ? null : label(q[G], null)));
        }
        return out;
    }

    /** @return after {@link #canonicalize()}: input blank node label → canonical label (both with {@code _:}) */
    public Map<String, String> issued() {
        return java.util.Collections.unmodifiableMap(canonical.issued);
    }

    private String hashFirstDegree(String reference) {
        String cached = firstDegree.get(reference);
        if (cached != null) {
            return cached;
        }
        List<String> lines = new ArrayList<>();
        for (String[] q : bnodeQuads.get(reference)) {
            lines.add(serialize(q, reference));
        }
        lines.sort(Rdfc10::codePointCompare);
        String h = sha256(String.join("", lines));
        firstDegree.put(reference, h);
        return h;
    }

    private Result hashNDegree(String identifier, Issuer issuer) {
        tick.run();
        TreeMap<String, List<String>> hashToRelated = new TreeMap<>();
        for (String[] q : bnodeQuads.get(identifier)) {
            addRelated(hashToRelated, q, S, identifier, issuer, "s");
            if (!isLiteral(q)) {
                addRelated(hashToRelated, q, O, identifier, issuer, "o");
            }
            addRelated(hashToRelated, q, G, identifier, issuer, "g");
        }
        StringBuilder data = new StringBuilder();
        for (Map.Entry<String, List<String>> e : hashToRelated.entrySet()) {
            data.append(e.getKey());
            String chosenPath = "";
            Issuer chosenIssuer = null;
            List<String> related = new ArrayList<>(e.getValue());
            related.sort(null);
            Permutations perms = new Permutations(related);
            permutation:
            while (perms.hasNext()) {
                List<String> permutation = perms.next();
                tick.run();
                Issuer copy = issuer.copy();
                StringBuilder path = new StringBuilder();
                List<String> recursion = new ArrayList<>();
                for (String r : permutation) {
                    if (canonical.has(r)) {
                        path.append(canonical.get(r));
                    } else {
                        if (!copy.has(r)) {
                            recursion.add(r);
                        }
                        path.append(copy.issue(r));
                    }
                    if (!chosenPath.isEmpty() && path.length() >= chosenPath.length()
                            && codePointCompare(path.toString(), chosenPath) > 0) {
                        continue permutation;
                    }
                }
                for (String r : recursion) {
                    Result result = hashNDegree(r, copy);
                    path.append(copy.issue(r));
                    path.append('<').append(result.hash).append('>');
                    copy = result.issuer;
                    if (!chosenPath.isEmpty() && path.length() >= chosenPath.length()
                            && codePointCompare(path.toString(), chosenPath) > 0) {
                        continue permutation;
                    }
                }
                if (chosenPath.isEmpty() || codePointCompare(path.toString(), chosenPath) < 0) {
                    chosenPath = path.toString();
                    chosenIssuer = copy;
                }
            }
            data.append(chosenPath);
            issuer = java.util.Objects.requireNonNull(chosenIssuer);
        }
        return new Result(sha256(data.toString()), issuer);
    }

    private void addRelated(Map<String, List<String>> hashToRelated, String[] q, int position, String identifier,
            Issuer issuer, String pos) {
        String related = q[position];
        if (related == null || !isBlank(related) || related.equals(identifier)) {
            return;
        }
        String id = canonical.has(related) ? canonical.get(related)
                : issuer.has(related) ? issuer.get(related) : hashFirstDegree(related);
        String input = pos + (position != G ? "<" + q[1] + ">" : "") + id;
        hashToRelated.computeIfAbsent(sha256(input), k -> new ArrayList<>()).add(related);
    }

    /** Serialises a quad; with a reference, blank nodes become _:a (the reference) or _:z (others). */
    private String serialize(String[] q, @Nullable String reference) {
        String s = label(q[S], reference);
        String o = isLiteral(q) ? q[O] : label(q[O], reference);
        String g = q[G] == null ? null : label(q[G], reference);
        return NQuads.quad(s, q[1], o, q[3], q[4], q[5], g);
    }

    private String label(String node, @Nullable String reference) {
        if (!isBlank(node)) {
            return node;
        }
        if (reference != null) {
            return node.equals(reference) ? "_:a" : "_:z";
        }
        return canonical.get(node);
    }

    private static boolean isLiteral(String[] q) {
        return q[3] != null || q[4] != null || q[5] != null;
    }

    private static boolean isBlank(@Nullable String s) {
        return s != null && s.startsWith("_:");
    }

    static int codePointCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(String hash, Issuer issuer) {}

    /** An identifier issuer: prefix + counter, remembering issue order. */
    private static final class Issuer {
        private final String prefix;
        private final Map<String, String> issued;
        private final List<String> order;

        Issuer(String prefix) {
            this(prefix, new java.util.HashMap<>(), new ArrayList<>());
        }

        private Issuer(String prefix, Map<String, String> issued, List<String> order) {
            this.prefix = prefix;
            this.issued = issued;
            this.order = order;
        }

        String issue(String existing) {
            String id = issued.get(existing);
            if (id == null) {
                id = prefix + order.size();
                issued.put(existing, id);
                order.add(existing);
            }
            return id;
        }

        boolean has(String existing) {
            return issued.containsKey(existing);
        }

        String get(String existing) {
            return issued.get(existing);
        }

        Issuer copy() {
            return new Issuer(prefix, new java.util.HashMap<>(issued), new ArrayList<>(order));
        }
    }

    /** Every permutation of a list, in lexicographic order of positions (starting from the sorted list). */
    private static final class Permutations {
        private final List<String> items;
        private int[] index;
        private boolean more = true;

        Permutations(List<String> items) {
            this.items = items;
            this.index = new int[items.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = i;
            }
        }

        boolean hasNext() {
            return more;
        }

        List<String> next() {
            List<String> out = new ArrayList<>(index.length);
            for (int i : index) {
                out.add(items.get(i));
            }
            int k = index.length - 2;
            while (k >= 0 && index[k] >= index[k + 1]) {
                k--;
            }
            if (k < 0) {
                more = false;
            } else {
                int l = index.length - 1;
                while (index[l] <= index[k]) {
                    l--;
                }
                int t = index[k];
                index[k] = index[l];
                index[l] = t;
                int[] tail = Arrays.copyOfRange(index, k + 1, index.length);
                for (int i = 0; i < tail.length; i++) {
                    index[k + 1 + i] = tail[tail.length - 1 - i];
                }
            }
            return out;
        }
    }
}
