package io.quarry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package layering of the runtime (STYLE.md §1): each library stays in the package that owns it. */
class TestArchitecture {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.quarry");
    }

    @Test
    void onlyTheSqlFrontEndUsesCalcite() {
        noClasses().that().resideOutsideOfPackage("io.quarry.sql..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.calcite..")
                .check(classes);
    }

    @Test
    void onlyActorsAndTheClientApiUseAkka() {
        noClasses().that().resideOutsideOfPackages("io.quarry.actor..", "io.quarry.client..")
                .should().dependOnClassesThat().resideInAPackage("akka..")
                .check(classes);
    }

    @Test
    void onlyTheWireFormatUsesKryo() {
        noClasses().that().resideOutsideOfPackage("io.quarry.actor.serialization..")
                .should().dependOnClassesThat().resideInAPackage("com.esotericsoftware..")
                .check(classes);
    }

    @Test
    void dataAndPlanPackagesStayAtTheBottom() {
        noClasses().that().resideInAnyPackage("io.quarry.spi..", "io.quarry.type..", "io.quarry.block..", "io.quarry.page..",
                        "io.quarry.plan..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarry.sql..", "io.quarry.exec..", "io.quarry.exchange..", "io.quarry.actor..",
                        "io.quarry.client..", "io.quarry.connector..")
                .check(classes);
    }

    @Test
    void theExecutorKnowsNothingOfPlanningOrActors() {
        noClasses().that().resideInAnyPackage("io.quarry.exec..", "io.quarry.exchange..", "io.quarry.connector..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarry.sql..", "io.quarry.actor..", "io.quarry.client..")
                .check(classes);
    }
}
