package de.eakte.core.citizens;

import de.eakte.core.crypto.Codecs;
import de.eakte.core.crypto.PersonalField;

import java.time.LocalDate;
import java.util.Arrays;

/** The sealed fields of a citizen's file; their slot ids are stored contracts, never renamed. */
public final class CitizenFields {

    private CitizenFields() {
    }

    public static final PersonalField<MasterData> MASTER_DATA = new PersonalField<>("citizen.master-data",
            Codecs.strings(m -> Arrays.asList(m.familyName(), m.givenNames(), m.birthName(), m.dateOfBirth().toString(),
                            m.placeOfBirth(), m.idNr() == null ? null : m.idNr().value()),
                    p -> new MasterData(p.get(0), p.get(1), p.get(2), LocalDate.parse(p.get(3)), p.get(4),
                            p.get(5) == null ? null : new IdNr(p.get(5)))));

    public static final PersonalField<Address> ADDRESS = new PersonalField<>("citizen.address",
            Codecs.strings(a -> Arrays.asList(a.street(), a.houseNumber(), a.postcode().value(), a.city()),
                    p -> new Address(p.get(0), p.get(1), new Postcode(p.get(2)), p.get(3))));

    public static final PersonalField<String> ERASURE_OPINION = new PersonalField<>("citizen.erasure-opinion", Codecs.TEXT);

    public static final PersonalField<String> ERASURE_REJECTION = new PersonalField<>("citizen.erasure-rejection", Codecs.TEXT);
}
