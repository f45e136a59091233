package org.reconnaitre.badges.signing.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link CompactJws#hasShape} accepts exactly what the compact-JWS grammar (as a regex) accepts. */
class CompactJwsShapeTest {
    private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    @Test
    void examples() {
        assertThat(CompactJws.hasShape("eyJh.eyJi.c2ln")).isTrue();
        assertThat(CompactJws.hasShape("eyJh.eyJi.")).isTrue();
        assertThat(CompactJws.hasShape(".eyJi.c2ln")).isFalse();
        assertThat(CompactJws.hasShape("eyJh..c2ln")).isFalse();
        assertThat(CompactJws.hasShape("eyJh.eyJi.c2ln.")).isFalse();
        assertThat(CompactJws.hasShape("eyJh.eyJi.c2ln.eA.eA")).isFalse();
        assertThat(CompactJws.hasShape("eyJh.eyJi")).isFalse();
        assertThat(CompactJws.hasShape("eyJh.ey+i.c2ln")).isFalse();
        assertThat(CompactJws.hasShape("eyJh.eyJi.c2l=")).isFalse();
        assertThat(CompactJws.hasShape("")).isFalse();
    }

    @Test
    void agreesWithTheGrammarOnRandomStrings() {
        Random random = new Random(20261123);
        String alphabet = "aZ09_-.+=/ ";
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(9);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(i % 2 == 0 ? 6 : alphabet.length())));
            }
            String s = sb.toString();
            boolean expected = GRAMMAR.matcher(s).matches();
            assertThat(CompactJws.hasShape(s)).as(s).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("the generator reaches accepted strings").isGreaterThan(1000);
    }
}
