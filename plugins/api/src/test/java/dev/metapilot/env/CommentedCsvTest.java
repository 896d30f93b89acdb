package dev.metapilot.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommentedCsvTest {

    record Row(String method, int n, String value) {}

    private static Row row(List<String> cells) {
        return new Row(cells.get(0), Integer.parseInt(cells.get(1)), cells.get(2));
    }

    @Test
    void skipsCommentsAndBlankLinesAndTheHeaderAndStripsCells() {
        assertThat(CommentedCsv.read(CommentedCsvTest.class, "published-ok.csv", CommentedCsvTest::row))
                .containsExactly(new Row("ucb1", 10, "1.5"), new Row("rl2", 25, ""));
    }

    @Test
    void aRowWithTooFewCellsIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> CommentedCsv.read(CommentedCsvTest.class, "published-short-row.csv",
                CommentedCsvTest::row)).isInstanceOf(IllegalStateException.class).hasMessage(
                        "published-short-row.csv:3: expected 3 columns as in the header, got 2");
    }

    @Test
    void aCellTheParserRefusesIsReportedWithItsLine() {
        assertThatThrownBy(() -> CommentedCsv.read(CommentedCsvTest.class, "published-bad-number.csv",
                CommentedCsvTest::row)).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(
                        "published-bad-number.csv:2: ")
                .hasMessageContaining("ten");
    }

    @Test
    void aTableWithoutAHeaderOrAMissingResourceIsRefused() {
        assertThatThrownBy(() -> CommentedCsv.read(CommentedCsvTest.class, "published-no-header.csv",
                CommentedCsvTest::row)).isInstanceOf(IllegalStateException.class).hasMessage(
                        "published-no-header.csv: no header line");
        assertThatThrownBy(() -> CommentedCsv.read(CommentedCsvTest.class, "absent.csv", CommentedCsvTest::row))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("absent.csv is missing");
    }
}
