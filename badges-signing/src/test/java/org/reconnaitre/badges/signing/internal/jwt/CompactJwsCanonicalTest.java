package org.reconnaitre.badges.signing.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One spelling per token (issue #12 class 7): exactly the canonical unpadded base64url forms are accepted. */
class CompactJwsCanonicalTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void acceptedExactlyWhenReEncodingGivesTheSameText() {
        Random random = new Random(20261205);
        int accepted = 0;
        int refused = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = sb.toString();
            boolean canonical;
            try {
                canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(s)).equals(s);
            } catch (IllegalArgumentException e) {
                canonical = false;
            }
            assertThat(CompactJws.canonicalProblem(s) == null).as(s).isEqualTo(canonical);
            if (canonical) {
                accepted++;
            } else {
                refused++;
            }
        }
        assertThat(accepted).isGreaterThan(10_000);
        assertThat(refused).isGreaterThan(10_000);
    }

    @Test
    void paddingWhiteSpaceAndOtherAlphabetsAreRefused() {
        assertThat(CompactJws.canonicalProblem("eA==")).contains("alphabet");
        assertThat(CompactJws.canonicalProblem("e+8")).contains("alphabet");
        assertThat(CompactJws.canonicalProblem("e/8")).contains("alphabet");
        assertThat(CompactJws.canonicalProblem("eA A")).contains("alphabet");
        assertThat(CompactJws.canonicalProblem("eyJhb")).contains("length");
        assertThat(CompactJws.canonicalProblem("eB")).contains("unused bits");
        assertThat(CompactJws.canonicalProblem("eHh")).contains("unused bits");
        assertThat(CompactJws.canonicalProblem("eA")).isNull();
        assertThat(CompactJws.canonicalProblem("eHg")).isNull();
        assertThat(CompactJws.canonicalProblem("")).isNull();
    }

    @Test
    void parseRefusesEachNonCanonicalSegment() {
        String h = "eyJhbGciOiJFZERTQSJ9"; // {"alg":"EdDSA"}
        String p = "eyJ4IjoxfQ";           // {"x":1}
        String sig = "c2ln";
        assertThat(catchParse(h + "." + p + "." + sig)).isNull();
        assertThat(catchParse(h + "." + "eyJ4IjoxfR" + "." + sig)).contains("payload").contains("unused bits");
        assertThat(catchParse(h + "." + p + "." + "c2lnA")).contains("signature").contains("length");
        assertThat(catchParse(h + "." + p + "." + "c2h")).contains("signature").contains("unused bits");
    }

    private static String catchParse(String token) {
        try {
            CompactJws.parse(token);
            return null;
        } catch (JwtException e) {
            assertThat(e.checkId()).isEqualTo("parse");
            return e.getMessage();
        }
    }
}
