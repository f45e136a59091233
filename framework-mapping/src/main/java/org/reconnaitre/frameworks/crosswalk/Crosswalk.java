package org.reconnaitre.frameworks.crosswalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.frameworks.Alignments;
import org.reconnaitre.frameworks.Concept;
import org.reconnaitre.frameworks.Framework;

/**
 * A set of {@link Mapping}s between two frameworks, read and written as SSSOM TSV (a YAML
 * metadata block of {@code #} lines — {@code curie_map}, {@code mapping_set_id}, {@code license} —
 * then a tab-separated table). Supports the inverse crosswalk, composition with a second crosswalk
 * through the shared middle framework (see {@link Predicate#then} for the predicate algebra) and
 * conflict detection.
 *
 * <pre>{@code
 * Crosswalk romeToEsco = Crosswalk.readSssom(Files.newBufferedReader(Path.of("rome-esco.sssom.tsv")));
 * Crosswalk escoToRome = romeToEsco.inverse();
 * Crosswalk romeToCase = romeToEsco.compose(escoToCase);
 * romeToEsco.writeSssom(writer);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Crosswalk {
    /** Reads SSSOM metadata; the streaming YAML parser builds no Java objects from tags. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Prefixes written in every curie map (others found in a file are kept). */
    public static final Map<String, String> DEFAULT_PREFIXES = Map.of(
            "skos", "http://www.w3.org/2004/02/skos/core#",
            "semapv", "https://w3id.org/semapv/vocab/",
            "esco", "http://data.europa.eu/esco/",
            "rome", "urn:rome:");
    private static final List<String> COLUMNS = List.of("subject_id", "subject_label", "predicate_id",
            "object_id", "object_label", "mapping_justification", "confidence", "comment");

    private final String id;
    private final String license;
    private final List<Mapping> mappings;

    private Crosswalk(String id, String license, List<Mapping> mappings) {
        this.id = id;
        this.license = license;
        this.mappings = List.copyOf(mappings);
    }

    /**
     * @param id the mapping set id (a URI)
     * @param license the licence of the mappings (a URI or a name)
     */
    public static Crosswalk of(String id, String license, List<Mapping> mappings) {
        if (Objects.requireNonNull(id, "id").isBlank() || Objects.requireNonNull(license, "license").isBlank()) {
            throw new IllegalArgumentException("a crosswalk needs a mapping set id and a licence");
        }
        return new Crosswalk(id.strip(), license.strip(), mappings);
    }

    /**
     * The cross-framework associations of a 1EdTech CASE CFPackage as a crosswalk:
     * {@code exactMatchOf} → EXACT, {@code isPartOf} → BROAD, {@code isRelatedTo} and
     * {@code isPeerOf} → RELATED (confidence 1, {@code semapv:ManualMappingCuration}); structural
     * {@code isChildOf} links are the framework's hierarchy, not mappings, and other types are
     * skipped.
     *
     * @throws BadgeException {@code MALFORMED_DATA} with the JSON pointer of the problem
     */
    public static Crosswalk fromCase(String json, String source) throws BadgeException {
        List<Mapping> out = new ArrayList<>();
        for (String[] a : org.reconnaitre.frameworks.internal.CaseCodec.associations(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), source)) {
            out.add(new Mapping(a[0], a[3], Predicate.valueOf(a[1]), a[2], a[4], 1.0, "semapv:ManualMappingCuration",
                    "CASE CFAssociation " + a[5] + " in " + source));
        }
        return new Crosswalk("urn:reconnaitre:case-associations:" + source, "see the CFDocument of " + source, out);
    }

    /** @return the mapping set id */
    public String id() {
        return id;
    }

    /** @return the licence */
    public String license() {
        return license;
    }

    /** @return every mapping, in order */
    public List<Mapping> mappings() {
        return mappings;
    }

    /** @return the mappings whose subject is {@code subjectId}, strongest confidence first */
    public List<Mapping> from(String subjectId) {
        return mappings.stream().filter(m -> m.subjectId().equals(subjectId))
                .sorted(Comparator.comparingDouble(Mapping::confidence).reversed()).toList();
    }

    /**
     * Translates a badge's alignments from one framework to another: each alignment is resolved
     * to a concept of {@code from} ({@link Alignments#resolve}), then carried through the mappings
     * whose subject it is to concepts of {@code to}. Only mappings that let a holder of the subject
     * claim the object are followed: EXACT, CLOSE and BROAD (the object is broader); NARROW and
     * RELATED are not. Mappings below {@code minConfidence} are ignored.
     *
     * @return alignments to concepts of {@code to}, distinct, in order
     */
    public List<Alignment> translate(java.util.Collection<Alignment> alignments, Framework from, Framework to,
            double minConfidence) {
        java.util.Set<Concept> targets = new java.util.LinkedHashSet<>();
        for (Concept c : Alignments.resolveAll(from, alignments)) {
            for (Mapping m : from(c.id())) {
                if (m.confidence() < minConfidence || m.predicate() == Predicate.NARROW
                        || m.predicate() == Predicate.RELATED) {
                    continue;
                }
                to.concept(m.objectId()).ifPresent(targets::add);
            }
        }
        return targets.stream().map(Alignments::of).toList();
    }

    /** @return every mapping read from the object's side (BROAD ↔ NARROW) */
    public Crosswalk inverse() {
        return new Crosswalk(id + "#inverse", license, mappings.stream().map(Mapping::inverse).toList());
    }

    /**
     * Chains this crosswalk (A → B) with {@code next} (B → C): for every {@code a p b} and
     * {@code b q c}, the mapping {@code a (p then q) c} with confidence {@code conf(p) × conf(q)},
     * justification {@code semapv:MappingChaining}; chains that support no claim are dropped; when
     * several chains reach the same (a, c), the most confident is kept.
     */
    public Crosswalk compose(Crosswalk next) {
        Map<String, List<Mapping>> bySubject = new HashMap<>();
        for (Mapping m : next.mappings) {
            bySubject.computeIfAbsent(m.subjectId(), k -> new ArrayList<>()).add(m);
        }
        Map<String, Mapping> best = new LinkedHashMap<>();
        for (Mapping ab : mappings) {
            for (Mapping bc : bySubject.getOrDefault(ab.objectId(), List.of())) {
                Optional<Predicate> p = ab.predicate().then(bc.predicate());
                if (p.isEmpty()) {
                    continue;
                }
                Mapping ac = new Mapping(ab.subjectId(), ab.subjectLabel(), p.get(), bc.objectId(),
                        bc.objectLabel(), ab.confidence() * bc.confidence(), "semapv:MappingChaining",
                        "via " + ab.objectId() + " (" + ab.predicate() + " then " + bc.predicate() + ")");
                String key = ac.subjectId() + " " + ac.objectId();
                Mapping old = best.get(key);
                if (old == null || ac.confidence() > old.confidence()) {
                    best.put(key, ac);
                }
            }
        }
        return new Crosswalk(id + "+" + next.id, license + " + " + next.license, new ArrayList<>(best.values()));
    }

    /** @return the conflicts: contradictory predicates, exact one-to-many and many-to-one */
    public List<Conflict> conflicts() {
        List<Conflict> out = new ArrayList<>();
        Map<String, List<Mapping>> pairs = new LinkedHashMap<>();
        Map<String, List<Mapping>> exactBySubject = new LinkedHashMap<>();
        Map<String, List<Mapping>> exactByObject = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            pairs.computeIfAbsent(m.subjectId() + "\t" + m.objectId(), k -> new ArrayList<>()).add(m);
            if (m.predicate() == Predicate.EXACT) {
                exactBySubject.computeIfAbsent(m.subjectId(), k -> new ArrayList<>()).add(m);
                exactByObject.computeIfAbsent(m.objectId(), k -> new ArrayList<>()).add(m);
            }
        }
        pairs.forEach((k, ms) -> {
            if (ms.stream().map(Mapping::predicate).distinct().count() > 1) {
                out.add(new Conflict(Conflict.Kind.CONTRADICTORY_PREDICATES, ms, k.replace('\t', ' ')
                        + " is mapped with " + ms.stream().map(m -> m.predicate().name()).distinct().toList()));
            }
        });
        exactBySubject.forEach((s, ms) -> {
            if (ms.stream().map(Mapping::objectId).distinct().count() > 1) {
                out.add(new Conflict(Conflict.Kind.EXACT_ONE_TO_MANY, ms,
                        s + " is an exact match of " + ms.size() + " different concepts"));
            }
        });
        exactByObject.forEach((o, ms) -> {
            if (ms.stream().map(Mapping::subjectId).distinct().count() > 1) {
                out.add(new Conflict(Conflict.Kind.EXACT_MANY_TO_ONE, ms,
                        o + " is the exact match of " + ms.size() + " different concepts"));
            }
        });
        return out;
    }

    /** Writes SSSOM TSV (metadata block, then the table). */
    public void writeSssom(Writer w) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# curie_map:\n");
        DEFAULT_PREFIXES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("#   ").append(e.getKey()).append(": \"").append(e.getValue()).append("\"\n"));
        sb.append("# mapping_set_id: ").append(id).append('\n');
        sb.append("# license: ").append(license).append('\n');
        sb.append(String.join("\t", COLUMNS)).append('\n');
        for (Mapping m : mappings) {
            sb.append(compress(m.subjectId())).append('\t').append(m.subjectLabel()).append('\t')
                    .append(m.predicate().curie()).append('\t').append(compress(m.objectId())).append('\t')
                    .append(m.objectLabel()).append('\t').append(m.justification()).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", m.confidence())).append('\t')
                    .append(m.provenance()).append('\n');
        }
        w.write(sb.toString());
        w.flush();
    }

    /** @return the SSSOM TSV text */
    public String toSssom() {
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            writeSssom(sw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static String compress(String uri) {
        for (Map.Entry<String, String> e : DEFAULT_PREFIXES.entrySet()) {
            if (uri.startsWith(e.getValue()) && uri.length() > e.getValue().length()) {
                return e.getKey() + ":" + uri.substring(e.getValue().length());
            }
        }
        return uri;
    }

    /**
     * Reads SSSOM TSV. Required columns: subject_id, predicate_id, object_id,
     * mapping_justification; optional: subject_label, object_label, confidence (default 1), comment.
     *
     * @throws BadgeException {@code MALFORMED_DATA} naming the line and column of the problem
     */
    public static Crosswalk readSssom(Reader in) throws BadgeException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        Map<String, String> prefixes = new HashMap<>(DEFAULT_PREFIXES);
        Map<String, String> meta = new HashMap<>();
        List<Mapping> out = new ArrayList<>();
        Map<String, Integer> cols = null;
        StringBuilder yaml = new StringBuilder();
        int lineNo = 0;
        try {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#")) {
                    if (cols == null) {
                        yaml.append(line, 1, line.length()).append('\n'); // the metadata block is YAML
                    }
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cols == null) {
                    readMetadata(yaml.toString(), prefixes, meta);
                    cols = new HashMap<>();
                    for (int i = 0; i < cells.length; i++) {
                        if (cols.put(cells[i].strip(), i) != null) {
                            throw bad(lineNo, i + 1, "duplicate column '" + cells[i].strip() + "'");
                        }
                    }
                    for (String req : List.of("subject_id", "predicate_id", "object_id", "mapping_justification")) {
                        if (!cols.containsKey(req)) {
                            throw bad(lineNo, 1, "missing column '" + req + "'");
                        }
                    }
                    continue;
                }
                if (cells.length != cols.size()) {
                    throw bad(lineNo, 1, "expected " + cols.size() + " cells, found " + cells.length);
                }
                int pc = cols.get("predicate_id");
                int ln = lineNo;
                Predicate p = Predicate.fromCurie(cells[pc]).orElseThrow(() -> bad(ln, pc + 1,
                        "unsupported predicate '" + cells[pc] + "' (skos:exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch)"));
                double conf = 1;
                Integer cc = cols.get("confidence");
                if (cc != null && !cells[cc].isBlank()) {
                    try {
                        conf = Double.parseDouble(cells[cc].strip());
                    } catch (NumberFormatException e) {
                        throw bad(lineNo, cc + 1, "confidence is not a number: '" + cells[cc] + "'");
                    }
                    if (!(conf >= 0 && conf <= 1)) {
                        throw bad(lineNo, cc + 1, "confidence must be in [0, 1]: " + conf);
                    }
                }
                String s = expand(cells[cols.get("subject_id")], prefixes);
                String o = expand(cells[cols.get("object_id")], prefixes);
                if (s.isBlank() || o.isBlank()) {
                    throw bad(lineNo, 1, "empty subject_id or object_id");
                }
                out.add(new Mapping(s, cell(cells, cols, "subject_label"), p, o, cell(cells, cols, "object_label"), conf,
                        cell(cells, cols, "mapping_justification").isBlank() ? "semapv:UnspecifiedMatching"
                                : cell(cells, cols, "mapping_justification"),
                        cell(cells, cols, "comment")));
            }
        } catch (IOException e) {
            throw new BadgeException(BadgeException.Code.IO, "cannot read SSSOM: " + e.getMessage(), e);
        } catch (BadLine e) {
            throw new BadgeException(BadgeException.Code.MALFORMED_DATA, "SSSOM line " + lineNo + ", column " + e.column + ": " + e.getMessage());
        }
        if (cols == null) {
            throw new BadgeException(BadgeException.Code.MALFORMED_DATA, "SSSOM: no table header found");
        }
        return new Crosswalk(meta.getOrDefault("mapping_set_id", "urn:sssom:unnamed"),
                meta.getOrDefault("license", "unspecified"), out);
    }

    private static String cell(String[] cells, Map<String, Integer> cols, String name) {
        Integer i = cols.get(name);
        return i == null ? "" : cells[i];
    }

    /** Largest SSSOM metadata block read, in characters. */
    private static final int MAX_METADATA_CHARS = 1 << 20;

    /**
     * Reads the SSSOM metadata block (the leading {@code #} lines, which form a YAML document):
     * {@code curie_map} entries become prefixes, scalar values metadata; list-valued keys
     * ({@code creator_label: [- ...]}) are valid and ignored.
     */
    private static void readMetadata(String yaml, Map<String, String> prefixes, Map<String, String> meta)
            throws BadgeException {
        if (yaml.isBlank()) {
            return;
        }
        if (yaml.length() > MAX_METADATA_CHARS) {
            throw bad(1, 1, "the metadata block is larger than " + MAX_METADATA_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException | RuntimeException e) {
            String where = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " (metadata line " + j.getLocation().getLineNr() + ")" : "";
            throw bad(1, 1, "the metadata block is not valid YAML" + where);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw bad(1, 1, "the metadata block is not a YAML mapping of keys to values");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (e.getKey().equals("curie_map")) {
                if (!v.isObject()) {
                    throw bad(1, 1, "curie_map is not a mapping of prefixes to IRIs");
                }
                for (Map.Entry<String, JsonNode> prefix : v.properties()) {
                    if (!prefix.getValue().isValueNode()) {
                        throw bad(1, 1, "curie_map entry '" + prefix.getKey() + "' is not an IRI");
                    }
                    prefixes.put(prefix.getKey(), prefix.getValue().asText());
                }
            } else if (v.isValueNode() && !v.isNull()) {
                meta.put(e.getKey(), v.asText());
            }
        }
    }

    private static String expand(String curie, Map<String, String> prefixes) {
        String c = curie.strip();
        int colon = c.indexOf(':');
        if (colon > 0 && !c.startsWith("http") && !c.startsWith("urn:")) {
            String base = prefixes.get(c.substring(0, colon));
            if (base != null) {
                return base + c.substring(colon + 1);
            }
        }
        return c;
    }

    private static BadLine bad(int line, int column, String message) {
        return new BadLine(column, message);
    }

    private static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int column;

        BadLine(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    @Override
    public String toString() {
        return "Crosswalk " + id + " (" + mappings.size() + " mappings)";
    }
}
