package org.reconnaitre.badges.signing.internal.di;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RDFC-1.0 labels do not depend on input labels or order, even with isomorphic named graphs. */
class Rdfc10Test {

    /** Four identical "proof" graphs hanging off two subjects, plus two identical lists. */
    private static List<String[]> graph(String prefix) {
        List<String[]> q = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String g = "_:" + prefix + "g" + i;
            String p = "_:" + prefix + "p" + i;
            q.add(new String[] {"urn:ex:s" + (i % 2), "urn:ex:proof", g, null, null, null, null});
            q.add(new String[] {p, "urn:ex:value", "same", "http://www.w3.org/2001/XMLSchema#string", null, null, g});
            q.add(new String[] {p, "urn:ex:type", "urn:ex:Proof", null, null, null, g});
        }
        for (int i = 0; i < 2; i++) {
            String a = "_:" + prefix + "l" + i + "a";
            String b = "_:" + prefix + "l" + i + "b";
            q.add(new String[] {"urn:ex:s" + i, "urn:ex:list", a, null, null, null, null});
            q.add(new String[] {a, "http://www.w3.org/1999/02/22-rdf-syntax-ns#first", "x", "http://www.w3.org/2001/XMLSchema#string", null, null, null});
            q.add(new String[] {a, "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest", b, null, null, null, null});
            q.add(new String[] {b, "http://www.w3.org/1999/02/22-rdf-syntax-ns#first", "y", "http://www.w3.org/2001/XMLSchema#string", null, null, null});
            q.add(new String[] {b, "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest", "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil", null, null, null, null});
        }
        return q;
    }

    private static String canon(List<String[]> quads) {
        Rdfc10 c = new Rdfc10(() -> { });
        quads.forEach(q -> c.quad(q[0], q[1], q[2], q[3], q[4], q[5], q[6]));
        return c.canonicalize();
    }

    @Test
    void labelsAndOrderDoNotMatter() {
        String expected = canon(graph("x"));
        assertThat(expected).contains("_:c14n0").doesNotContain("_:x");
        assertThat(expected.split("\n")).hasSize(22);
        for (int seed = 0; seed < 10; seed++) {
            List<String[]> q = graph("r" + seed + "_");
            Collections.shuffle(q, new Random(seed));
            assertThat(canon(q)).isEqualTo(expected);
        }
    }

    @Test
    void tickCanStopTheSearch() {
        Rdfc10 c = new Rdfc10(() -> {
            throw new IllegalStateException("stop");
        });
        graph("x").forEach(q -> c.quad(q[0], q[1], q[2], q[3], q[4], q[5], q[6]));
        assertThatThrownBy(c::canonicalize).hasMessage("stop");
    }

    @Test
    void codePointOrder() {
        assertThat(Rdfc10.codePointCompare("a", "b")).isNegative();
        assertThat(Rdfc10.codePointCompare("\uFFFF", "\uD83D\uDE00")).isNegative(); // U+FFFF < U+1F600
        assertThat(Rdfc10.codePointCompare("ab", "a")).isPositive();
    }
}
