package de.eakte.core.crypto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Names a data key. Keys form a family per citizen: {@code citizen/<id>} seals the master data and
 * address, {@code citizen/<id>/case/<id>} one case, so a case can be destroyed alone (disposal)
 * and erasing the citizen destroys the whole family at once. Access entries are sealed per month
 * and retention class: {@code access/<class>/<yyyy-MM>}, destroyed when that month's retention ends.
 */
public record KeyId(String value) {

    private static final Pattern FORM = Pattern.compile(
            "[a-z]+/[0-9a-f-]{36}(/[a-z]+/[0-9a-f-]{36})*|access/[a-z][a-z0-9-]{0,29}/[0-9]{4}-(0[1-9]|1[0-2])");
    private static final String ACCESS = "access/";

    public KeyId {
        if (value == null || value.length() > 120 || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("keyId", "key-id", "keyId must look like citizen/<uuid>[/case/<uuid>] or access/<class>/<yyyy-MM>");
        }
    }

    @JsonCreator
    public static KeyId of(String value) {
        return new KeyId(value);
    }

    /** The key of a citizen's master data and addresses, and the root of their family. */
    public static KeyId citizen(CitizenId citizen) {
        return new KeyId("citizen/" + citizen);
    }

    /** The key of one case of a citizen. */
    public static KeyId ofCase(CitizenId citizen, CaseId caseId) {
        return new KeyId("citizen/" + citizen + "/case/" + caseId);
    }

    /** The key of the access entries of one month and retention class. */
    public static KeyId accessPeriod(String retentionClass, YearMonth month) {
        return new KeyId(ACCESS + retentionClass + "/" + month);
    }

    /** Whether this is an access-period key ({@code access/<class>/<yyyy-MM>}). */
    public boolean isAccessPeriod() {
        return value.startsWith(ACCESS);
    }

    /** The retention class of an access-period key. */
    public String accessClass() {
        requireAccessPeriod();
        return value.substring(ACCESS.length(), value.lastIndexOf('/'));
    }

    /** The month of an access-period key. */
    public YearMonth accessMonth() {
        requireAccessPeriod();
        return YearMonth.parse(value.substring(value.lastIndexOf('/') + 1));
    }

    private void requireAccessPeriod() {
        if (!isAccessPeriod()) {
            throw new IllegalStateException(value + " is not an access-period key");
        }
    }

    /** Whether this key is {@code root} or one of its family. */
    public boolean isInFamilyOf(KeyId root) {
        return value.equals(root.value) || value.startsWith(root.value + "/");
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
