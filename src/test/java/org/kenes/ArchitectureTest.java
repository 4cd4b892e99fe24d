package org.kenes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The house's floors (STYLE.md, practices 5, 6 and 12), checked on the compiled classes. */
class ArchitectureTest {

  static JavaClasses classes;

  @BeforeAll
  static void importTheClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.kenes");
  }

  @Test
  @DisplayName("no two features depend on each other, however indirectly")
  void noCycleBetweenFeatures() {
    slices().matching("org.kenes.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  @DisplayName("no two packages depend on each other, however indirectly: not even the web and its rooms")
  void noCycleBetweenPackages() {
    slices().matching("org.kenes.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  @DisplayName("nothing depends back on the wiring in org.kenes (Main, KenesVerticle, WebServer, the benchmark)")
  void wiringOnTop() {
    noClasses().that().resideOutsideOfPackage("org.kenes").should().dependOnClassesThat()
        .resideInAPackage("org.kenes").check(classes);
  }

  @Test
  @DisplayName("the statistics (consensus) and the opinion groups import neither Vert.x nor the store's driver")
  void pureStatistics() {
    noClasses().that().resideInAnyPackage("org.kenes.consensus..", "org.kenes.groups..").should()
        .dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.mongodb..", "org.bson..", "de.bwaldvogel..")
        .check(classes);
  }
}
