package de.eakte.audit.dpo;

import de.eakte.core.shared.InvalidValueException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The office hours look-ups are expected in, e.g. {@code MON-FRI 07:00-19:00} or
 * {@code MON,TUE,THU 08:00-16:30}: weekdays (a range or a list of MON..SUN) and a time span, start
 * inclusive, end exclusive, in the zone of the DPO's view. A look-up on another day or outside the
 * span is outside office hours.
 */
public record OfficeHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z]{3}(?:\\s*-\\s*[A-Za-z]{3}|(?:\\s*,\\s*[A-Za-z]{3})*))\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");

    public OfficeHours {
        days = Set.copyOf(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
        if (!start.isBefore(end)) {
            throw new InvalidValueException("officeHours", "start-before-end", "office hours must start before they end");
        }
    }

    /** Reads {@code MON-FRI 07:00-19:00}; a bad form is refused with what is expected. */
    public static OfficeHours parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidValueException("officeHours", "form",
                    "office hours look like MON-FRI 07:00-19:00 (days MON..SUN as a range or a list, then HH:MM-HH:MM)");
        }
        try {
            return new OfficeHours(days(m.group(1)), LocalTime.parse(m.group(2)), LocalTime.parse(m.group(3)));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("officeHours", "form", "office hours need times such as 07:00-19:00");
        }
    }

    private static Set<DayOfWeek> days(String text) {
        String compact = text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (compact.contains("-")) {
            DayOfWeek from = day(compact.substring(0, 3));
            DayOfWeek to = day(compact.substring(4));
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        } else {
            for (String name : compact.split(",")) {
                days.add(day(name));
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation)) {
                return d;
            }
        }
        throw new InvalidValueException("officeHours", "form", abbreviation + " is not a weekday (MON..SUN)");
    }

    /** Minutes after midnight of the start (inclusive). */
    int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    /** Minutes after midnight of the end (exclusive). */
    int endMinute() {
        return end.getHour() * 60 + end.getMinute();
    }

    /** The ISO numbers (1 = Monday) of the office days, for SQL. */
    String isoDays() {
        return days.stream().map(DayOfWeek::getValue).sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        String dayText = days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        return dayText + " " + start + "-" + end;
    }
}
