package de.eakte.api.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The catalogue tables keep short lists (categories, office codes) as comma-separated text. */
final class Lists {

    private Lists() {
    }

    static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(","));
    }
}
