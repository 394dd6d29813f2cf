package de.eakte.api.access;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the purpose headers of a staff read in the OpenAPI description. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = AccessHeaders.PURPOSE, in = ParameterIn.HEADER, example = "AMTSHILFE",
                description = "Purpose code of the caller's office catalogue (GET /api/catalogue). Needed outside a case context."),
        @Parameter(name = AccessHeaders.REASON, in = ParameterIn.HEADER, example = "UTF-8''Pr%C3%BCfung%20Wohnsitz",
                description = "Reason, at least 5 characters with 3 letters in a row. Non-ASCII as RFC 8187 ext-value: UTF-8''<percent-encoded UTF-8>."),
        @Parameter(name = AccessHeaders.FILE_REFERENCE, in = ParameterIn.HEADER, example = "36-142.10-000012-2026",
                description = "Optional: the file reference (Aktenzeichen) the look-up is for; must be one of the citizen's cases."),
        @Parameter(name = AccessHeaders.BREAK_GLASS, in = ParameterIn.HEADER,
                example = "UTF-8''Notfall%3A%20Kindeswohlgef%C3%A4hrdung%2C%20Polizei%20vor%20Ort",
                description = "Emergency justification of at least 20 characters: opens a 30-minute grant for this citizen, "
                        + "within a daily quota; the DPO reviews every use.")
})
public @interface PurposeHeaders {
}
