package fi.luotsi.chat.teams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Bot Framework types stay inside the Teams adapter. */
class TeamsBoundaryTest {
  private static final JavaClasses LUOTSI = importLuotsi();

  /**
   * Imports only Luotsi's own classes: a dependency's package is known from its name, so the
   * importer need not load the libraries (which takes seconds).
   */
  private static JavaClasses importLuotsi() {
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("fi.luotsi");
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  @Test
  void onlyTheTeamsAdapterUsesTheBotFrameworkSdk() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("fi.luotsi.chat.teams..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.microsoft.bot..");
    rule.check(LUOTSI);
  }

  @Test
  void theTeamsAdapterDoesNotUseOtherAdaptersOrTheHttpLibrary() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("fi.luotsi.chat.teams..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("fi.luotsi.chat.slack..", "fi.luotsi.chat.web..", "io.javalin..");
    rule.check(LUOTSI);
  }
}
