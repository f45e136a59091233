package org.reconnaitre.frameworks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;

class CsvTest {
    @Test
    void readsQuotedMultiLineCellsDoubledQuotesCrlfAndBom() throws Exception {
        String text = "\uFEFFa,b,c\r\n1,\"two\nlines\",\"say \"\"hi\"\"\"\r\n,,\n\"x,y\",z,\n";
        Csv csv = new Csv(new StringReader(text), "t.csv", ',');
        assertThat(csv.column("a")).isZero();
        assertThat(csv.next()).containsExactly("1", "two\nlines", "say \"hi\"");
        assertThat(csv.recordLine()).isEqualTo(2);
        assertThat(csv.next()).containsExactly("", "", "");
        assertThat(csv.recordLine()).isEqualTo(4);
        assertThat(csv.next()).containsExactly("x,y", "z", "");
        assertThat(csv.next()).isNull();
    }

    @Test
    void errorsNameFileLineAndColumn() throws Exception {
        Csv wrongCount = new Csv(new StringReader("a,b\n1,2\n3\n"), "f.csv", ',');
        wrongCount.next();
        assertThatThrownBy(wrongCount::next).isInstanceOf(BadgeException.class)
                .hasMessage("f.csv:3:1: expected 2 cells, found 1");
        Csv stray = new Csv(new StringReader("a,b\n1,ab\"c\n"), "g.csv", ',');
        assertThatThrownBy(stray::next).hasMessageStartingWith("g.csv:2:5: quote inside an unquoted cell");
        Csv after = new Csv(new StringReader("a,b\n\"1\"x,2\n"), "h.csv", ',');
        assertThatThrownBy(after::next).hasMessageStartingWith("h.csv:2:4: unexpected character 'x'");
        assertThatThrownBy(() -> new Csv(new StringReader(""), "e.csv", ',')).hasMessageContaining("e.csv:1:1: the file is empty");
    }
}
