package de.eakte.core.citizens;

import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Values;

import java.time.LocalDate;

/**
 * Who a citizen is: names, birth data and, where known, the IdNr. The address is kept apart,
 * because it changes by dated moves, not by corrections.
 */
public record MasterData(
        String familyName,
        String givenNames,
        String birthName,
        LocalDate dateOfBirth,
        String placeOfBirth,
        IdNr idNr) {

    /** Nobody alive was born before this; older dates are typing errors. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1890, 1, 1);

    public MasterData {
        familyName = Values.requireText("familyName", familyName, 100);
        givenNames = Values.requireText("givenNames", givenNames, 200);
        birthName = Values.optionalText("birthName", birthName, 100);
        Values.requireNonNull("dateOfBirth", dateOfBirth);
        if (dateOfBirth.isBefore(EARLIEST_BIRTH)) {
            throw new InvalidValueException("dateOfBirth", "date-of-birth-range", "dateOfBirth must not be before 1890-01-01");
        }
        placeOfBirth = Values.requireText("placeOfBirth", placeOfBirth, 100);
    }
}
