package org.reconnaitre.frameworks.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;

/**
 * The compact, immutable storage of a framework: concepts are dense int indexes; strings live in
 * arrays; the hierarchy and the occupation → competency relations are CSR adjacency arrays
 * (offsets + targets, plus float weights and byte flags for relations). Safe to share between
 * threads once built (no field is ever written after {@link Builder#build()}). Internal.
 *
 * <p>Kinds are stored as the ordinal of the public {@code ConceptKind} enum (same order as
 * the constants below), so this package does not depend on the public one.
 */
public final class FrameworkData {
    public static final byte OCCUPATION = 0;
    public static final byte SKILL = 1;
    public static final byte KNOWLEDGE = 2;
    public static final byte SKILL_GROUP = 3;
    public static final byte WORK_CONTEXT = 4;
    public static final byte CERTIFICATION_BLOC = 5;
    public static final byte OCCUPATION_GROUP = 6;

    /** Relation flags. */
    public static final byte ESSENTIAL = 0;
    public static final byte OPTIONAL = 1;

    public final String id;
    public final String name;
    public final String version;
    public final String licence;
    public final String attribution;
    public final List<String> languages;
    public final String uriPrefix;

    public final String[] uris;
    public final String[] codes;
    public final byte[] kinds;
    /** language → preferred label per concept (entries may be null). */
    public final Map<String, String[]> pref;
    /** language → alternative labels per concept (entries may be null). */
    public final Map<String, String[][]> alt;
    public final int[] broaderStart;
    public final int[] broader;
    public final int[] narrowerStart;
    public final int[] narrower;
    public final int[] reqStart;
    public final int[] req;
    public final float[] reqWeight;
    public final byte[] reqFlag;
    private final Map<String, Integer> byKey;

    private FrameworkData(Builder b) {
        id = b.id;
        name = b.name;
        version = b.version;
        licence = b.licence;
        attribution = b.attribution;
        uriPrefix = b.uriPrefix;
        int n = b.size;
        uris = Arrays.copyOf(b.uris, n);
        codes = Arrays.copyOf(b.codes, n);
        kinds = Arrays.copyOf(b.kinds, n);
        Map<String, String[]> p = new LinkedHashMap<>();
        b.pref.forEach((k, v) -> p.put(k, Arrays.copyOf(v, n)));
        pref = p;
        Map<String, String[][]> a = new LinkedHashMap<>();
        b.alt.forEach((k, v) -> {
            String[][] arr = new String[n][];
            for (int i = 0; i < n && i < v.size(); i++) {
                List<String> l = v.get(i);
                arr[i] = l == null ? null : l.toArray(new String[0]);
            }
            a.put(k, arr);
        });
        alt = a;
        List<String> langs = new ArrayList<>(p.keySet());
        for (String l : a.keySet()) {
            if (!langs.contains(l)) {
                langs.add(l);
            }
        }
        languages = List.copyOf(langs);
        // hierarchy, deduplicated
        long[] edges = b.edges.toSortedUnique();
        int[][] csr = csr(n, edges, false);
        broaderStart = csr[0];
        broader = csr[1];
        int[][] inv = csr(n, edges, true);
        narrowerStart = inv[0];
        narrower = inv[1];
        // requirements: keep the strongest flag per (occupation, competency)
        int m = b.reqOcc.size;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Integer.compare(b.reqOcc.a[x], b.reqOcc.a[y]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(b.reqComp.a[x], b.reqComp.a[y]);
            return c != 0 ? c : Float.compare(b.reqW.a[y], b.reqW.a[x]);
        });
        reqStart = new int[n + 1];
        IntList rc = new IntList();
        FloatList rw = new FloatList();
        IntList rf = new IntList();
        int prevO = -1;
        int prevC = -1;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            int o = b.reqOcc.a[i];
            int c = b.reqComp.a[i];
            if (o == prevO && c == prevC) {
                continue;
            }
            prevO = o;
            prevC = c;
            reqStart[o + 1]++;
            rc.add(c);
            rw.add(b.reqW.a[i]);
            rf.add(b.reqF.a[i]);
        }
        for (int i = 0; i < n; i++) {
            reqStart[i + 1] += reqStart[i];
        }
        req = rc.toArray();
        reqWeight = rw.toArray();
        reqFlag = new byte[rf.size];
        for (int i = 0; i < rf.size; i++) {
            reqFlag[i] = (byte) rf.a[i];
        }
        byKey = new HashMap<>(b.byKey);
    }

    private static int[][] csr(int n, long[] edges, boolean inverse) {
        int[] start = new int[n + 1];
        for (long e : edges) {
            int from = inverse ? (int) e : (int) (e >>> 32);
            start[from + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] to = new int[edges.length];
        for (long e : edges) {
            int child = (int) (e >>> 32);
            int parent = (int) e;
            if (inverse) {
                to[fill[parent]++] = child;
            } else {
                to[fill[child]++] = parent;
            }
        }
        return new int[][] {start, to};
    }

    /** @return the number of concepts */
    public int size() {
        return uris.length;
    }

    /** @return the index of a concept by URI, code or alias, or -1 */
    public int find(String key) {
        Integer i = byKey.get(key);
        if (i == null && !uriPrefix.isEmpty() && !key.contains(":")) {
            i = byKey.get(uriPrefix + key);
        }
        return i == null ? -1 : i;
    }

    /** @return the preferred label in {@code lang}, or null */
    public @Nullable String pref(int c, String lang) {
        String[] a = pref.get(lang);
        return a == null ? null : a[c];
    }

    /** @return the preferred label in the first language that has one, or the code */
    public String anyPref(int c) {
        for (String[] a : pref.values()) {
            if (a[c] != null) {
                return a[c];
            }
        }
        return codes[c] != null ? codes[c] : uris[c];
    }

    /** Mutable builder used by the importers; not thread-safe. */
    public static final class Builder {
        private String id = "";
        private String name = "";
        private String version = "";
        private String licence = "";
        private String attribution = "";
        private String uriPrefix = "";
        private int size;
        private String[] uris = new String[1024];
        private String[] codes = new String[1024];
        private byte[] kinds = new byte[1024];
        private final Map<String, String[]> pref = new LinkedHashMap<>();
        private final Map<String, List<List<String>>> alt = new LinkedHashMap<>();
        private final LongList edges = new LongList();
        private final IntList reqOcc = new IntList();
        private final IntList reqComp = new IntList();
        private final FloatList reqW = new FloatList();
        private final IntList reqF = new IntList();
        private final Map<String, Integer> byKey = new HashMap<>();

        public Builder meta(String id, String name, String version, String licence, String attribution) {
            this.id = id;
            this.name = name;
            this.version = version;
            this.licence = licence;
            this.attribution = attribution;
            return this;
        }

        /** Short codes such as "A1101" are also found as {@code prefix + code}. */
        public Builder uriPrefix(String prefix) {
            this.uriPrefix = prefix;
            return this;
        }

        /** @return the index of the concept with this URI, or -1 */
        public int find(String uri) {
            Integer i = byKey.get(uri);
            return i == null ? -1 : i;
        }

        /**
         * Adds a concept, or returns the existing one with the same URI (its kind is kept).
         *
         * @param code the short code, or null
         */
        public int add(String uri, @Nullable String code, byte kind) {
            Integer existing = byKey.get(uri);
            if (existing != null) {
                if (code != null && codes[existing] == null) {
                    codes[existing] = code;
                    byKey.putIfAbsent(code, existing);
                }
                return existing;
            }
            if (size == uris.length) {
                int cap = size * 2;
                uris = Arrays.copyOf(uris, cap);
                codes = Arrays.copyOf(codes, cap);
                kinds = Arrays.copyOf(kinds, cap);
                for (Map.Entry<String, String[]> e : pref.entrySet()) {
                    e.setValue(Arrays.copyOf(e.getValue(), cap));
                }
            }
            int i = size++;
            uris[i] = uri.intern();
            codes[i] = code;
            kinds[i] = kind;
            byKey.put(uri, i);
            if (code != null && !code.isEmpty()) {
                byKey.putIfAbsent(code, i);
            }
            return i;
        }

        /** Adds another key (for example a ROME appellation code) that finds concept {@code c}. */
        public void alias(String key, int c) {
            byKey.putIfAbsent(key, c);
        }

        public void pref(int c, String lang, String label) {
            if (label.isBlank()) {
                return;
            }
            String[] a = pref.computeIfAbsent(lang, k -> new String[uris.length]);
            a[c] = label.strip();
        }

        public void alt(int c, String lang, String label) {
            String l = label.strip();
            if (l.isEmpty()) {
                return;
            }
            List<List<String>> a = alt.computeIfAbsent(lang, k -> new ArrayList<>());
            while (a.size() <= c) {
                a.add(null);
            }
            List<String> list = a.get(c);
            if (list == null) {
                list = new ArrayList<>(2);
                a.set(c, list);
            }
            if (!list.contains(l)) {
                list.add(l);
            }
        }

        public void broader(int child, int parent) {
            if (child != parent) {
                edges.add(((long) child << 32) | (parent & 0xffffffffL));
            }
        }

        public void require(int occupation, int competency, float weight, byte flag) {
            reqOcc.add(occupation);
            reqComp.add(competency);
            reqW.add(weight);
            reqF.add(flag);
        }

        public int size() {
            return size;
        }

        public byte kind(int c) {
            return kinds[c];
        }

        /** @throws BadgeException when the framework has no concept at all */
        public FrameworkData build() throws BadgeException {
            if (size == 0) {
                throw new BadgeException(BadgeException.Code.MALFORMED_DATA,
                        "framework '" + id + "' has no concept: nothing was loaded");
            }
            return new FrameworkData(this);
        }
    }

    static final class IntList {
        int[] a = new int[1024];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    static final class FloatList {
        float[] a = new float[1024];
        int size;

        void add(float v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    static final class LongList {
        long[] a = new long[1024];
        int size;

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        long[] toSortedUnique() {
            long[] s = Arrays.copyOf(a, size);
            Arrays.sort(s);
            int w = 0;
            for (int i = 0; i < s.length; i++) {
                if (i == 0 || s[i] != s[i - 1]) {
                    s[w++] = s[i];
                }
            }
            return Arrays.copyOf(s, w);
        }
    }
}
