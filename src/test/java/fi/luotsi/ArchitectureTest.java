package fi.luotsi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps each technology inside its own package (ARCHITECTURE.md, "Shape" and "Package layout"): the
 * chat core never sees a platform, index or scheduler type, the chat adapters are independent of
 * one another, and the top-level packages have no cycles. Rules about packages that do not exist
 * yet pass while they are empty.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.luotsi");
  }

  private static void onlyInside(String technology, String home) {
    noClasses()
        .that()
        .resideOutsideOfPackage(home)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(technology)
        .because(technology + " types stay inside " + home)
        .check(classes);
  }

  @Test
  void luceneIsUsedOnlyInTheLuceneIndexPackage() {
    onlyInside("org.apache.lucene..", "fi.luotsi.knowledge.lucene..");
  }

  @Test
  void javalinIsUsedOnlyInTheHttpPackage() {
    onlyInside("io.javalin..", "fi.luotsi.http..");
  }

  @Test
  void slackTypesAreUsedOnlyInTheSlackAdapter() {
    onlyInside("com.slack..", "fi.luotsi.chat.slack..");
  }

  @Test
  void botFrameworkTypesAreUsedOnlyInTheTeamsAdapter() {
    onlyInside("com.microsoft.bot..", "fi.luotsi.chat.teams..");
  }

  @Test
  void quartzIsUsedOnlyInTheQuartzReminderPackage() {
    onlyInside("org.quartz..", "fi.luotsi.reminder.quartz..");
  }

  @Test
  void theChatCoreImportsNoPlatformIndexSchedulerOrServerTypes() {
    noClasses()
        .that()
        .resideInAPackage("fi.luotsi.chat")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.lucene..",
            "io.javalin..",
            "com.slack..",
            "com.microsoft.bot..",
            "org.quartz..",
            "fi.luotsi.knowledge.lucene..",
            "fi.luotsi.http..",
            "fi.luotsi.chat.slack..",
            "fi.luotsi.chat.teams..",
            "fi.luotsi.chat.web..")
        .check(classes);
  }

  @Test
  void theChatAdaptersDoNotDependOnEachOther() {
    adapterIndependent("fi.luotsi.chat.slack..", "fi.luotsi.chat.teams..", "fi.luotsi.chat.web..");
    adapterIndependent("fi.luotsi.chat.teams..", "fi.luotsi.chat.slack..", "fi.luotsi.chat.web..");
    adapterIndependent("fi.luotsi.chat.web..", "fi.luotsi.chat.slack..", "fi.luotsi.chat.teams..");
  }

  private static void adapterIndependent(String adapter, String... others) {
    noClasses()
        .that()
        .resideInAPackage(adapter)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theTopLevelPackagesHaveNoCycles() {
    slices().assignedFrom(TOP_LEVEL_WITH_ADAPTERS_APART).should().beFreeOfCycles().check(classes);
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().matching("fi.luotsi.(**)").should().beFreeOfCycles().check(classes);
  }

  /**
   * The top-level packages as slices, except that each chat adapter is a slice of its own: the
   * adapters sit under {@code chat/} by the package layout, but they are the outermost layer (they
   * use config, store and delivery, which use the chat core's types such as {@code Platform}).
   */
  private static final SliceAssignment TOP_LEVEL_WITH_ADAPTERS_APART =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String name = javaClass.getPackageName();
          if (!name.startsWith("fi.luotsi.")) {
            return SliceIdentifier.ignore();
          }
          String[] parts = name.substring("fi.luotsi.".length()).split("\\.");
          if (parts[0].equals("chat") && parts.length > 1) {
            return SliceIdentifier.of("chat." + parts[1]);
          }
          return SliceIdentifier.of(parts[0]);
        }

        @Override
        public String getDescription() {
          return "top-level packages of fi.luotsi, each chat adapter apart";
        }
      };
}
