package de.eakte.api.web;

import de.eakte.core.shared.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns request text into typed values, naming the field and the rule when it cannot. */
public final class Requests {

    private Requests() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "required", field + " is required");
        }
        return value;
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "iso-date", field + " must be a date such as 1961-04-23");
        }
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "iso-instant", field + " must be a UTC time such as 2026-11-21T09:30:00Z");
        }
    }

    public static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new InvalidValueException(field, "one-of", field + " must be one of " + allowed);
        }
    }
}
