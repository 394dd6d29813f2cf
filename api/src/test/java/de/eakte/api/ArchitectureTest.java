package de.eakte.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module and layering rules of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.eakte");
    }

    @Test
    void coreKnowsNoSpringNoPersistenceNoHttp() {
        noClasses().that().resideInAPackage("de.eakte.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "javax.persistence..", "org.hibernate..", "jakarta.servlet..", "javax.servlet..",
                        "java.net.http..", "org.axonframework.spring..", "tools.jackson..", "java.sql..")
                .check(classes);
    }

    @Test
    void dependenciesPointFromApiTowardsCore() {
        noClasses().that().resideInAPackage("de.eakte.core..")
                .should().dependOnClassesThat().resideInAnyPackage("de.eakte.projections..", "de.eakte.audit..", "de.eakte.api..")
                .check(classes);
        noClasses().that().resideInAPackage("de.eakte.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("de.eakte.audit..", "de.eakte.api..")
                .check(classes);
        noClasses().that().resideInAPackage("de.eakte.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("de.eakte.projections..", "de.eakte.api..")
                .check(classes);
    }

    @Test
    void onlyApiKnowsHttpAndSpringWiring() {
        noClasses().that().resideInAnyPackage("de.eakte.projections..", "de.eakte.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.stereotype..", "org.springframework.context..",
                        "org.springframework.boot..", "org.axonframework.spring..")
                .check(classes);
    }

    /**
     * The read side of citizen data is reachable only through {@code api.access.CitizenDataReads},
     * which applies the access policy and records the access: no controller queries the read model
     * itself.
     */
    @Test
    void onlyTheAccessPackageQueriesCitizenData() {
        noClasses().that().resideInAPackage("de.eakte.api..").and().resideOutsideOfPackage("de.eakte.api.access..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.queryhandling.QueryGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("de.eakte.core.file.GetConsolidatedFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("de.eakte.core.file.GetCase")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("de.eakte.core.access.AccessRecorder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("de.eakte.projections.search.SearchQueries")
                .because("every read of citizen data must pass the access policy and the AccessRecorder in CitizenDataReads")
                .check(classes);
    }
}
