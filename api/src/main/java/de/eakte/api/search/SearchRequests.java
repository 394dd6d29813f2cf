package de.eakte.api.search;

import de.eakte.api.web.Requests;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.FileReference;
import de.eakte.core.citizens.IdNr;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.search.MatchKeys.Field;
import de.eakte.projections.search.SearchQueries.CaseCriteria;
import de.eakte.projections.search.SearchQueries.CitizenCriteria;
import de.eakte.projections.search.SearchQueries.WordCriterion;
import de.eakte.projections.search.SearchText;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Search criteria as they come in the request body (never in the URL: names, birth dates and the
 * IdNr must not land in proxy logs), checked here and turned into the search model's criteria.
 */
public final class SearchRequests {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final int MAX_TEXT = 200;
    static final int MAX_WORDS = 8;

    private static final Set<Field> ANYWHERE = EnumSet.allOf(Field.class);
    private static final Set<Field> NAMES = EnumSet.of(Field.FAMILY, Field.GIVEN);
    private static final Set<String> NOISE = Set.of("geb", "geborene", "geborener", "geb.");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern GERMAN_DATE = Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}");
    private static final Pattern YEAR = Pattern.compile("(18|19|20)[0-9]{2}");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("[0-9]{1,4}[a-zA-Z]?");
    private static final Pattern REFERENCE_PART = Pattern.compile("[0-9.\\-]{1,40}");

    private SearchRequests() {
    }

    public record CitizenSearchRequest(
            @Schema(example = "jurgen maier 1961", description = "Free text: names, street and city words (any spelling), "
                    + "a birth year (1961) or date (23.04.1961, 1961-04-23), a postcode, a house number, an IdNr or a file reference")
            String query,
            @Schema(example = "Meyer", description = "Family or birth name; double names match by each part") String familyName,
            @Schema(example = "Jürgen") String givenNames,
            @Schema(example = "1961-04-23", format = "date") String dateOfBirth,
            @Schema(example = "1961") Integer birthYear,
            @Schema(example = "Hauptstr.", description = "Straße, Strasse and Str. are the same") String street,
            @Schema(example = "12a") String houseNumber,
            @Schema(example = "04109") String postcode,
            @Schema(example = "Leipzig") String city,
            @Schema(example = "86095742719") String idNr,
            @Schema(example = "33-122.20-000001-2026") String fileReference,
            @Schema(example = "20", description = "Hits per page, 1 to 50 (default 20)") Integer limit,
            @Schema(description = "nextCursor of the previous page") String cursor) {

        int pageSize() {
            return SearchRequests.limit(limit);
        }

        /** The criteria, checked; at least one that narrows the search down (a name, birth date, IdNr, file reference or street). */
        CitizenCriteria toCriteria() {
            List<WordCriterion> words = new ArrayList<>();
            LocalDate born = Requests.date("dateOfBirth", text("dateOfBirth", dateOfBirth, 10));
            Integer year = birthYear;
            String house = text("houseNumber", houseNumber, 20);
            String code = text("postcode", postcode, 5);
            String id = text("idNr", idNr, 11);
            String reference = text("fileReference", fileReference, 40);
            String free = text("query", query, MAX_TEXT);
            if (free != null) {
                for (String token : free.split("\\s+")) {
                    String t = token.replaceAll("[,;]+$", "");
                    if (t.isEmpty()) {
                        continue;
                    }
                    if (ISO_DATE.matcher(t).matches() || GERMAN_DATE.matcher(t).matches()) {
                        born = once("query", born, germanOrIsoDate(t));
                    } else if (t.matches("[0-9]{2,3}-[0-9.]+-[0-9]{6,12}-[0-9]{4}")) {
                        reference = once("query", reference, t);
                    } else if (t.matches("[0-9]{11}")) {
                        id = once("query", id, t);
                    } else if (t.matches("[0-9]{5}")) {
                        code = once("query", code, t);
                    } else if (YEAR.matcher(t).matches()) {
                        year = once("query", year, Integer.parseInt(t));
                    } else if (HOUSE_NUMBER.matcher(t).matches()) {
                        house = once("query", house, t);
                    } else {
                        SearchText.words(t).stream().filter(w -> !NOISE.contains(w))
                                .forEach(w -> words.add(new WordCriterion(ANYWHERE, w)));
                    }
                }
            }
            words(familyName, "familyName", EnumSet.of(Field.FAMILY), words);
            words(givenNames, "givenNames", EnumSet.of(Field.GIVEN), words);
            words(street, "street", EnumSet.of(Field.STREET), words);
            words(city, "city", EnumSet.of(Field.CITY), words);
            if (words.size() > MAX_WORDS) {
                throw new InvalidValueException("query", "too-many-words",
                        "a search takes at most " + MAX_WORDS + " words of names, street and city");
            }
            if (year != null && (year < 1890 || year > 2100)) {
                throw new InvalidValueException("birthYear", "birth-year", "birthYear must be a year between 1890 and 2100");
            }
            if (code != null) {
                code = new Postcode(code).value();
            }
            if (id != null) {
                id = new IdNr(id).value();
            }
            if (reference != null) {
                reference = FileReference.parse(reference).toString();
            }
            boolean narrow = words.stream().anyMatch(w -> !w.fields().equals(EnumSet.of(Field.CITY)))
                    || born != null || id != null || reference != null;
            if (!narrow) {
                throw new InvalidValueException("query", "too-broad", "a search needs a name, a street, a date of birth, "
                        + "an IdNr or a file reference; a birth year, postcode, house number or city only narrow it down");
            }
            return new CitizenCriteria(words, born, year, house, code, id, reference);
        }

        /** The criteria as recorded in the access log: every field given, in a fixed order. */
        String canonical() {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("query", query);
            given.put("familyName", familyName);
            given.put("givenNames", givenNames);
            given.put("dateOfBirth", dateOfBirth);
            given.put("birthYear", birthYear);
            given.put("street", street);
            given.put("houseNumber", houseNumber);
            given.put("postcode", postcode);
            given.put("city", city);
            given.put("idNr", idNr);
            given.put("fileReference", fileReference);
            return SearchRequests.canonical(given);
        }
    }

    public record CaseSearchRequest(
            @Schema(example = "Genehmigung Carport", description = "Words of the subject and, where the caller may see "
                    + "them, the entries; German stemming (Anträge finds Antrag)") String words,
            @Schema(example = "000042", description = "A file reference or any part of one") String fileReference,
            @Schema(example = "63") String office,
            @Schema(example = "building-permit") String caseType,
            @Schema(example = "[\"OPEN\", \"IN_PROGRESS\"]") List<String> status,
            @Schema(example = "true") Boolean overdue,
            @Schema(format = "date", example = "2026-01-01") String openedFrom,
            @Schema(format = "date", example = "2026-12-31") String openedTo,
            @Schema(format = "date") String closedFrom,
            @Schema(format = "date") String closedTo,
            @Schema(example = "20", description = "Hits per page, 1 to 50 (default 20)") Integer limit,
            @Schema(description = "nextCursor of the previous page") String cursor) {

        int pageSize() {
            return SearchRequests.limit(limit);
        }

        CaseCriteria toCriteria() {
            String reference = text("fileReference", fileReference, 40);
            if (reference != null && !REFERENCE_PART.matcher(reference).matches()) {
                throw new InvalidValueException("fileReference", "file-reference-part",
                        "fileReference must be a file reference or a part of one (digits, dots, hyphens)");
            }
            String officeText = text("office", office, 3);
            OfficeCode officeCode = null;
            if (officeText != null) {
                officeCode = new OfficeCode(officeText);
            }
            String type = text("caseType", caseType, 40);
            if (type != null && !type.matches("[a-z0-9-]{1,40}")) {
                throw new InvalidValueException("caseType", "case-type", "caseType must be a case type code such as building-permit");
            }
            Set<CaseStatus> statuses = new LinkedHashSet<>();
            if (status != null) {
                for (String s : status) {
                    statuses.add(Requests.required("status", Requests.enumValue("status", CaseStatus.class, s)));
                }
            }
            List<String> stems = new ArrayList<>();
            String text = text("words", words, MAX_TEXT);
            if (text != null) {
                stems.addAll(SearchText.words(text));
            }
            if (stems.size() > MAX_WORDS) {
                throw new InvalidValueException("words", "too-many-words", "a search takes at most " + MAX_WORDS + " words");
            }
            LocalDate of = Requests.date("openedFrom", openedFrom);
            LocalDate ot = Requests.date("openedTo", openedTo);
            LocalDate cf = Requests.date("closedFrom", closedFrom);
            LocalDate ct = Requests.date("closedTo", closedTo);
            if (of != null && ot != null && ot.isBefore(of)) {
                throw new InvalidValueException("openedTo", "date-range", "openedTo must not be before openedFrom");
            }
            if (cf != null && ct != null && ct.isBefore(cf)) {
                throw new InvalidValueException("closedTo", "date-range", "closedTo must not be before closedFrom");
            }
            if (reference == null && officeCode == null && type == null && statuses.isEmpty() && overdue == null
                    && of == null && ot == null && cf == null && ct == null && stems.isEmpty()) {
                throw new InvalidValueException("words", "too-broad", "a case search needs at least one criterion");
            }
            return new CaseCriteria(reference, officeCode, type, statuses, overdue, of, ot, cf, ct, stems);
        }

        String canonical() {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("words", words);
            given.put("fileReference", fileReference);
            given.put("office", office);
            given.put("caseType", caseType);
            given.put("status", status == null ? null : String.join(",", status));
            given.put("overdue", overdue);
            given.put("openedFrom", openedFrom);
            given.put("openedTo", openedTo);
            given.put("closedFrom", closedFrom);
            given.put("closedTo", closedTo);
            return SearchRequests.canonical(given);
        }
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "range", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidValueException(field, "max-length", field + " must be at most " + max + " characters");
        }
        if (v.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidValueException(field, "single-line", field + " must be one line of text");
        }
        return v;
    }

    private static void words(String value, String field, Set<Field> fields, List<WordCriterion> words) {
        String v = text(field, value, 100);
        if (v != null) {
            SearchText.words(v).stream().filter(w -> !NOISE.contains(w)).forEach(w -> words.add(new WordCriterion(fields, w)));
        }
    }

    private static <T> T once(String field, T existing, T value) {
        if (existing != null && !existing.equals(value)) {
            throw new InvalidValueException(field, "conflicting-criteria",
                    field + " names the same criterion twice with different values: " + value);
        }
        return value;
    }

    private static LocalDate germanOrIsoDate(String text) {
        try {
            return text.contains(".") ? LocalDate.parse(text, DateTimeFormatter.ofPattern("d.M.uuuu"))
                    : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("query", "date", "query holds a date that does not exist: " + text);
        }
    }

    private static String canonical(Map<String, Object> given) {
        return given.entrySet().stream().filter(e -> e.getValue() != null && !String.valueOf(e.getValue()).isBlank())
                .map(e -> e.getKey() + "=" + String.valueOf(e.getValue()).strip().replaceAll("\\s+", " "))
                .collect(Collectors.joining("; "));
    }
}
