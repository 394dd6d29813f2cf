package de.eakte.core.access.policy;

import de.eakte.core.access.DataCategory;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Office;
import de.eakte.core.shared.OfficeCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static de.eakte.core.access.DataCategory.ADDRESS_HISTORY;
import static de.eakte.core.access.DataCategory.CASE_ENTRIES;
import static de.eakte.core.access.DataCategory.CASE_SUMMARIES;
import static de.eakte.core.access.DataCategory.MASTER_DATA;

/**
 * The seeded purposes. Every office: processing its own earlier cases (SACHBEARBEITUNG) and
 * administrative assistance (AMTSHILFE: who else handles this citizen, no contents). The
 * registration office adds BMG-34 (transfer of registration data to public bodies); social
 * services add SGB-X-69.
 */
public final class DefaultPurposes {

    private DefaultPurposes() {
    }

    public static List<Purpose> of(Catalogue catalogue) {
        List<Purpose> purposes = new ArrayList<>();
        for (Office office : catalogue.offices()) {
            OfficeCode code = office.code();
            purposes.add(new Purpose(new PurposeCode("SACHBEARBEITUNG"), code,
                    "Bearbeitung eines eigenen (auch abgeschlossenen) Vorgangs",
                    "DSGVO Art. 6 Abs. 1 lit. e i.V.m. dem Fachrecht des Amtes",
                    Set.of(MASTER_DATA, ADDRESS_HISTORY, CASE_SUMMARIES, CASE_ENTRIES), Set.of(code), false));
            purposes.add(new Purpose(new PurposeCode("AMTSHILFE"), code,
                    "Amtshilfe: welche Ämter den Bürger betreuen",
                    "VwVfG §§ 4-8", Set.of(MASTER_DATA, CASE_SUMMARIES), Set.of(), true));
            if (code.equals(Catalogue.RESIDENTS_REGISTRATION)) {
                purposes.add(new Purpose(new PurposeCode("BMG-34"), code,
                        "Datenübermittlung an andere öffentliche Stellen",
                        "BMG § 34", Set.of(MASTER_DATA, ADDRESS_HISTORY), Set.of(), false));
            }
            if (code.equals(Catalogue.SOCIAL_SERVICES)) {
                purposes.add(new Purpose(new PurposeCode("SGB-X-69"), code,
                        "Übermittlung für die Erfüllung sozialer Aufgaben",
                        "SGB X § 69", Set.of(MASTER_DATA, ADDRESS_HISTORY, CASE_SUMMARIES), Set.of(), true));
            }
        }
        return List.copyOf(purposes);
    }
}
