package fi.luotsi.reminder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Quartz and biweekly stay in their sub-packages; the programme packages form no cycle. */
class ProgrammeBoundaryTest {
  private static final JavaClasses LUOTSI = importLuotsi();

  private static JavaClasses importLuotsi(String... packages) {
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(packages.length == 0 ? new String[] {"fi.luotsi"} : packages);
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  @Test
  void onlyTheQuartzPackageUsesQuartz() {
    noClasses()
        .that()
        .resideOutsideOfPackage("fi.luotsi.reminder.quartz..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.quartz..")
        .check(LUOTSI);
  }

  @Test
  void onlyTheCalendarPackageUsesBiweekly() {
    noClasses()
        .that()
        .resideOutsideOfPackage("fi.luotsi.session.ical..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("biweekly..")
        .check(LUOTSI);
  }

  @Test
  void theChatCoreKnowsNothingOfTheProgrammeFeatures() {
    noClasses()
        .that()
        .resideInAPackage("fi.luotsi.chat")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("fi.luotsi.session..", "fi.luotsi.reminder..")
        .check(LUOTSI);
  }

  @Test
  void sessionReminderAndDeliveryHaveNoCycles() {
    slices()
        .matching("fi.luotsi.(**)")
        .should()
        .beFreeOfCycles()
        .check(importLuotsi("fi.luotsi.session", "fi.luotsi.reminder", "fi.luotsi.delivery"));
  }
}
