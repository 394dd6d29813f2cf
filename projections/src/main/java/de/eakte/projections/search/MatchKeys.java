package de.eakte.projections.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The match keys of a text (index side) and of one query word (query side). A key is a
 * (field, kind, key) triple; a query word matches a citizen at the best kind any of its keys
 * shares with the citizen's keys of the fields asked.
 */
public final class MatchKeys {

    /** Where a word stands in the citizen's data. */
    public enum Field {
        FAMILY('F'), GIVEN('G'), STREET('S'), CITY('C');

        public final char code;

        Field(char code) {
            this.code = code;
        }
    }

    /** How a word matched, best first: the ranking classes of the search. */
    public enum Kind {
        EXACT('E', 4), NORMALISED('N', 3), PHONETIC('P', 2), FUZZY('D', 1);

        public final char code;
        public final int level;

        Kind(char code, int level) {
            this.code = code;
            this.level = level;
        }

        public static Kind ofLevel(int level) {
            for (Kind k : values()) {
                if (k.level == level) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no kind of level " + level);
        }
    }

    /** One stored key. */
    public record Key(Field field, Kind kind, String key) {
    }

    /** A word as the vocabulary holds it: its exact form (the identity) and the keys it is found by. */
    public record Word(String exact, Set<Key> keys) {
    }

    /** The keys one query word looks up, per kind. */
    public record QueryWord(String word, Set<String> exact, Set<String> normalised, Set<String> phonetic,
                            Set<String> fuzzy) {
    }

    static final int MAX_KEY = 60;

    private MatchKeys() {
    }

    /** Every key of a text in a field: per word and, for texts of several words, the words joined. */
    public static Set<Key> of(Field field, String text) {
        Set<Key> keys = new LinkedHashSet<>();
        List<String> words = SearchText.words(text);
        for (String word : words) {
            add(keys, field, word);
        }
        if (words.size() > 1) {
            // "Müller-Lüdenscheidt" also as one word, "Karl-Liebknecht-Str." as "karlliebknechtstr"
            add(keys, field, cut(SearchText.joined(text)));
        }
        return keys;
    }

    /**
     * The words of a text in a field as the vocabulary holds them, each with its keys: per word
     * and, for texts of several words, the words joined; the same keys as {@link #of(Field, String)}.
     */
    public static List<Word> words(Field field, String text) {
        List<Word> words = new ArrayList<>();
        List<String> parts = SearchText.words(text);
        for (String part : parts) {
            words.add(word(field, part));
        }
        if (parts.size() > 1) {
            words.add(word(field, cut(SearchText.joined(text))));
        }
        return words;
    }

    private static Word word(Field field, String word) {
        Set<Key> keys = new LinkedHashSet<>();
        add(keys, field, word);
        return new Word(cut(SearchText.lower(word)), keys);
    }

    private static void add(Set<Key> keys, Field field, String word) {
        QueryWord q = query(word);
        q.exact().forEach(k -> keys.add(new Key(field, Kind.EXACT, k)));
        q.normalised().forEach(k -> keys.add(new Key(field, Kind.NORMALISED, k)));
        q.phonetic().forEach(k -> keys.add(new Key(field, Kind.PHONETIC, k)));
        q.fuzzy().forEach(k -> keys.add(new Key(field, Kind.FUZZY, k)));
    }

    /** The keys a query word looks up; the same functions as the index side. */
    public static QueryWord query(String word) {
        String lower = cut(SearchText.lower(word));
        Set<String> normalised = new LinkedHashSet<>();
        normalised.add(cut(SearchText.normalised(word)));
        normalised.add(cut(SearchText.folded(word)));
        Set<String> phonetic = new LinkedHashSet<>();
        String code = SearchText.phonetic(word);
        if (!code.isEmpty() && lower.length() >= 2) {
            phonetic.add(cut(code));
        }
        Set<String> fuzzy = new LinkedHashSet<>();
        SearchText.deletions(cut(SearchText.folded(word))).forEach(fuzzy::add);
        return new QueryWord(word, Set.of(lower), normalised, phonetic, fuzzy);
    }

    private static String cut(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
