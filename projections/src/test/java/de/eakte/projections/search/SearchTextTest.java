package de.eakte.projections.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void umlautsAndSharpS_areSpelledOutOrFolded() {
        assertThat(SearchText.normalised("müller")).isEqualTo("mueller");
        assertThat(SearchText.folded("müller")).isEqualTo("muller");
        assertThat(SearchText.normalised("größe")).isEqualTo("groesse");
        assertThat(SearchText.normalised("rené")).isEqualTo("rene");
        assertThat(SearchText.normalised("dvořák")).isEqualTo("dvorak");
    }

    @Test
    void words_splitDoubleNamesAndKeepTheStreetSuffix() {
        assertThat(SearchText.words("Müller-Lüdenscheidt")).containsExactly("müller", "lüdenscheidt");
        assertThat(SearchText.words("Karl-Liebknecht-Str. 5")).containsExactly("karl", "liebknecht", "str.", "5");
        assertThat(SearchText.words("MUELLER")).containsExactly("mueller");
    }

    @Test
    void streetSuffixes_meet() {
        assertThat(SearchText.normalised("hauptstraße")).isEqualTo("hauptstr");
        assertThat(SearchText.normalised("hauptstrasse")).isEqualTo("hauptstr");
        assertThat(SearchText.normalised("hauptstr.")).isEqualTo("hauptstr");
        assertThat(SearchProjection.streetKey("Karl-Liebknecht-Straße")).isEqualTo(SearchProjection.streetKey("Karl-Liebknecht-Str."));
    }

    @Test
    void koelnerPhonetik_joinsMeierMeyerMaier_andNotMueller() {
        assertThat(SearchText.phonetic("meier")).isEqualTo(SearchText.phonetic("meyer")).isEqualTo(SearchText.phonetic("maier"));
        assertThat(SearchText.phonetic("schmidt")).isEqualTo(SearchText.phonetic("schmitt"));
        assertThat(SearchText.phonetic("müller")).isNotEqualTo(SearchText.phonetic("meier"));
    }

    @Test
    void deletions_shareAKeyForOneTypo() {
        assertThat(SearchText.deletions("schmidt")).containsAnyElementsOf(SearchText.deletions("schmdit"));
        assertThat(SearchText.deletions("weber")).containsAnyElementsOf(SearchText.deletions("wber"));
        assertThat(SearchText.deletions("becker")).doesNotContainAnyElementsOf(SearchText.deletions("wagner"));
        assertThat(SearchText.deletions("ott")).containsExactly("ott");
    }

    @Test
    void withinOneEdit_isDamerauBoundOne() {
        assertThat(SearchText.withinOneEdit("schmidt", "schmdit")).isTrue();
        assertThat(SearchText.withinOneEdit("schmidt", "schmid")).isTrue();
        assertThat(SearchText.withinOneEdit("schmidt", "schmiedt")).isTrue();
        assertThat(SearchText.withinOneEdit("schmidt", "schnidt")).isTrue();
        assertThat(SearchText.withinOneEdit("schmidt", "schmitz")).isFalse();
    }

    @Test
    void stems_meetAcrossInflection() {
        assertThat(SearchText.stem("Anträge")).isEqualTo(SearchText.stem("Antrag"));
        assertThat(SearchText.stem("Genehmigungen")).isEqualTo(SearchText.stem("Genehmigung"));
        assertThat(SearchText.stem("Bescheides")).isEqualTo(SearchText.stem("Bescheid"));
    }
}
