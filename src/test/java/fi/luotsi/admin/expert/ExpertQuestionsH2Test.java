package fi.luotsi.admin.expert;

import fi.luotsi.store.Database;
import fi.luotsi.testing.TestDatabases;

class ExpertQuestionsH2Test extends ExpertQuestionsContract {
  @Override
  Database open() {
    return TestDatabases.h2();
  }
}
