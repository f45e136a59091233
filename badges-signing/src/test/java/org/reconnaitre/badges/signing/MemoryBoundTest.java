package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Issue #22 §4: peak memory is bounded. A child JVM with {@code -Xmx256m} (and
 * {@code -XX:+ExitOnOutOfMemoryError}) runs {@link Verifier#verify} on generated hostile inputs just
 * under the size limits: millions of tiny objects, wide arrays of arrays, millions of short
 * strings, a huge inline context, and a PNG whose iTXt chunk carries such a document. The child
 * must exit normally having printed one report per input, each not valid, within the deadline.
 */
class MemoryBoundTest {
    /** The kinds of input the child generates and verifies. */
    static final List<String> KINDS = List.of("tiny-objects", "nested-arrays", "short-strings", "huge-inline-context",
            "typed-nodes-under-limits", "png-itxt");

    /** The child's verification deadline (5 s) plus a margin. */
    private static final long CHILD_LIMIT_MS = 7_000;

    @Test
    void oneVerificationStaysUnder256MiBOfHeap() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(javaBin.toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        cmd.addAll(KINDS);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (var in = p.getInputStream()) {
                in.transferTo(out);
            } catch (java.io.IOException e) {
                // the child died: its exit value says so
            }
        });
        reader.start();
        boolean done = p.waitFor(90, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        reader.join(5_000);
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(done).as("the child finished within 90 s: " + text).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        for (String kind : KINDS) {
            assertThat(text).as(text).contains("[memory] " + kind + ":").contains("valid=false");
        }
        assertThat(text).doesNotContain("OutOfMemoryError").doesNotContain("valid=true");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[memory\\] ([a-z-]+): \\d+ bytes, (\\d+) ms").matcher(text);
        int seen = 0;
        while (m.find()) {
            seen++;
            // the child's deadline is 5 s; under a 256 MiB heap the margin covers GC
            assertThat(Long.parseLong(m.group(2))).as(m.group(1) + " took " + m.group(2) + " ms").isLessThan(CHILD_LIMIT_MS);
        }
        assertThat(seen).isEqualTo(KINDS.size());
    }

    /** The child: generates each input, verifies it, prints the size, time, verdict and heap used. */
    public static final class Child {
        private Child() {}

        public static void main(String[] args) {
            Verifier verifier = Verifier.builder().timeout(Duration.ofSeconds(5)).build();
            // the proof of typed-nodes-under-limits: a resolvable key, a bogus signature
            PROOF = "{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"verificationMethod\":\""
                    + "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
                    + "\",\"proofPurpose\":\"assertionMethod\",\"created\":\"2024-01-01T00:00:00Z\",\"proofValue\":\"z"
                    + "2".repeat(80) + "\"}";
            for (String kind : args) {
                byte[] input = generate(kind);
                System.gc();
                long start = System.nanoTime();
                VerificationReport r = verifier.verify(input);
                long ms = (System.nanoTime() - start) / 1_000_000;
                Runtime rt = Runtime.getRuntime();
                System.out.printf("[memory] %s: %d bytes, %d ms, valid=%s, heap now %d MiB (max %d MiB); first failure: %s%n",
                        kind, input.length, ms, r.isValid(), (rt.totalMemory() - rt.freeMemory()) >> 20,
                        rt.maxMemory() >> 20, r.checks().stream().filter(c -> c.outcome() == CheckOutcome.FAILED)
                                .map(c -> c.id() + ": " + abbreviate(c.message())).findFirst().orElse("none"));
                input = null;
            }
        }

        private static String abbreviate(String s) {
            return s.length() > 160 ? s.substring(0, 157) + "..." : s;
        }

        /** Just under the JSON limit (8 MiB). */
        private static final int JSON_BYTES = 8 * 1024 * 1024 - 4096;

        static byte[] generate(String kind) {
            return switch (kind) {
                case "tiny-objects" -> credentialWith("\"evidence\":[", "{},", JSON_BYTES);
                case "nested-arrays" -> credentialWith("\"evidence\":[", "[[[]]],", JSON_BYTES);
                case "short-strings" -> credentialWith("\"evidence\":[", "\"a\",", JSON_BYTES);
                case "huge-inline-context" -> hugeContext(JSON_BYTES);
                // below the token limit: every stage (schema, expansion, canonicalization) runs on it
                case "typed-nodes-under-limits" -> typedNodes();
                // the iTXt chunk limit is 4 MiB: just under it
                case "png-itxt" -> png(credentialWith("\"evidence\":[", "{\"name\":\"x\"},", 4 * 1024 * 1024 - 4096));
                default -> throw new IllegalArgumentException(kind);
            };
        }

        private static String PROOF = "{}";

        private static byte[] credentialWith(String open, String unit, int size) {
            String head = VerifierTestSupport.credential("did:example:issuer");
            StringBuilder sb = new StringBuilder(size);
            sb.append(head, 0, head.length() - 1).append(",\"proof\":").append(PROOF).append(',').append(open);
            while (sb.length() + unit.length() + 16 < size) {
                sb.append(unit);
            }
            sb.setLength(sb.length() - 1);
            sb.append("]}");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Just under the JSON token cap (each node is 10 tokens) and near 8 MiB: every stage
         * (schema, expansion, RDF conversion) has work to do until the deadline.
         */
        private static byte[] typedNodes() {
            int nodes = (int) (org.reconnaitre.badges.model.internal.json.Json.MAX_TOKENS - 2_000) / 10;
            int name = Math.max(1, (JSON_BYTES - 8_192) / nodes - 40);
            return credentialWith("\"evidence\":[", "{\"type\":[\"Evidence\"],\"name\":\"" + "n".repeat(name) + "\"},",
                    Math.min(JSON_BYTES, 8_192 + nodes * (name + 40)));
        }

        private static byte[] hugeContext(int size) {
            String head = VerifierTestSupport.credential("did:example:issuer");
            int at = head.indexOf(']');
            StringBuilder sb = new StringBuilder(size);
            sb.append(head, 0, at).append(",{");
            int i = 0;
            while (sb.length() + 64 < size - head.length()) {
                sb.append("\"t").append(i).append("\":{\"@id\":\"urn:t:").append(i).append("\"},");
                i++;
            }
            sb.setLength(sb.length() - 1);
            sb.append('}').append(head.substring(at));
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** A 1x1 PNG with an uncompressed iTXt "openbadges" chunk carrying {@code text}. */
        private static byte[] png(byte[] text) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 256);
            out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
            Deflater d = new Deflater();
            d.setInput(new byte[] {0, 0});
            d.finish();
            byte[] idat = new byte[64];
            int n = d.deflate(idat);
            chunk(out, "IDAT", java.util.Arrays.copyOf(idat, n));
            ByteArrayOutputStream itxt = new ByteArrayOutputStream(text.length + 32);
            itxt.writeBytes("openbadges".getBytes(StandardCharsets.ISO_8859_1));
            itxt.writeBytes(new byte[] {0, 0, 0, 0, 0});
            itxt.writeBytes(text);
            chunk(out, "iTXt", itxt.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        }

        private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
            byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16),
                    (byte) (data.length >>> 8), (byte) data.length});
            out.writeBytes(t);
            out.writeBytes(data);
            CRC32 crc = new CRC32();
            crc.update(t);
            crc.update(data);
            long c = crc.getValue();
            out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        }
    }
}
