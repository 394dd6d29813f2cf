package de.eakte.projections.search;

import org.apache.commons.codec.language.ColognePhonetic;
import org.apache.lucene.analysis.de.GermanLightStemmer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the search sees text: words, their spellings and their sound. The same functions build the
 * index and the query, so both sides always agree.
 *
 * <ul>
 *   <li>{@link #lower}: the word as written, lower case (exact matches)</li>
 *   <li>{@link #normalised}: umlauts as ae/oe/ue, ß as ss, other accents stripped, and the street
 *       suffix Straße/Strasse/Str. folded to "str" (Müller = Mueller = MUELLER)</li>
 *   <li>{@link #folded}: umlauts as their base letter (Müller = Muller, as typed on a keyboard without umlauts)</li>
 *   <li>{@link #phonetic}: Kölner Phonetik (Meier = Meyer = Maier)</li>
 *   <li>{@link #deletions}: the word with each single letter left out, for one typo</li>
 *   <li>{@link #stem}: the German light stem for words of subjects and entries (Anträge = Antrag)</li>
 * </ul>
 */
public final class SearchText {

    /** Words shorter than this get no typo tolerance: "Ott" vs "Otto" is not a typo. */
    static final int FUZZY_MIN_LENGTH = 4;
    /** Longer words are cut for the deletion keys; no German name part is this long. */
    static final int MAX_WORD = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern STREET_SUFFIX = Pattern.compile("(strasse|str\\.?)$");
    private static final ColognePhonetic COLOGNE = new ColognePhonetic();

    private SearchText() {
    }

    /**
     * The words of a text: runs of letters and digits, lower case; hyphens, apostrophes, dots and
     * spaces separate ("Müller-Lüdenscheidt" is two words). A trailing dot stays with "str." so the
     * street suffix can be recognised.
     */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String lower = text.toLowerCase(Locale.GERMAN);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                word.append(c);
            } else {
                if (c == '.' && word.toString().endsWith("str")) {
                    word.append(c);
                }
                flush(word, words);
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            String w = Normalizer.normalize(word, Normalizer.Form.NFC);
            words.add(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w);
            word.setLength(0);
        }
    }

    /** A text's letters and digits only, lower case: "Müller-Lüdenscheidt" -> "müllerlüdenscheidt". */
    public static String joined(String text) {
        return String.join("", words(text).stream().map(w -> w.endsWith(".") ? w.substring(0, w.length() - 1) : w).toList());
    }

    /** The word in lower case, without the dot of an abbreviation. */
    public static String lower(String word) {
        String w = word.toLowerCase(Locale.GERMAN);
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    /** ä -> ae, ö -> oe, ü -> ue, ß -> ss, accents stripped, street suffix folded. */
    public static String normalised(String word) {
        String w = word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return street(stripAccents(w));
    }

    /** ä -> a, ö -> o, ü -> u, ß -> ss, accents stripped, street suffix folded. */
    public static String folded(String word) {
        return street(stripAccents(word.replace("ß", "ss")));
    }

    /** Kölner Phonetik; empty for words without consonant sounds. */
    public static String phonetic(String word) {
        return COLOGNE.colognePhonetic(normalised(word));
    }

    /** The word itself and the word with each single letter left out (symmetric deletion, one edit). */
    public static Set<String> deletions(String word) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(word);
        if (word.length() < FUZZY_MIN_LENGTH) {
            return keys;
        }
        for (int i = 0; i < word.length(); i++) {
            keys.add(word.substring(0, i) + word.substring(i + 1));
        }
        return keys;
    }

    /** The German light stem (Savoy), on the folded form so that "Anträge" and "Antrage" meet. */
    public static String stem(String word) {
        String w = stripAccents(lower(word).replace("ß", "ss"));
        char[] chars = w.toCharArray();
        int length = new GermanLightStemmer().stem(chars, chars.length);
        return new String(chars, 0, length);
    }

    /**
     * Whether two words are at most one edit apart (insertion, deletion, substitution or the swap
     * of two neighbours: Damerau-Levenshtein, optimal string alignment, bound 1).
     */
    public static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true; // substitution
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : b.substring(i + 1).equals(a.substring(i));
    }

    private static String stripAccents(String word) {
        String decomposed = Normalizer.normalize(lower(word), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("");
    }

    private static String street(String word) {
        return STREET_SUFFIX.matcher(word).replaceFirst("str");
    }
}
