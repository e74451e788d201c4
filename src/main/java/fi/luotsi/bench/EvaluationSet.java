package fi.luotsi.bench;

import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped evaluation questions: tab-separated files under {@code fi/luotsi/eval/} on the
 * classpath, listed in {@code sets.txt}. Columns: split, language, expected section ids ({@code |}
 * between alternatives, {@code -} for out of scope), question.
 */
public final class EvaluationSet {
  private static final String BASE = "/fi/luotsi/eval/";

  private EvaluationSet() {}

  public static List<EvalQuestion> load() {
    List<EvalQuestion> out = new ArrayList<>();
    for (String name : lines(BASE + "sets.txt")) {
      List<String> rows = lines(BASE + name);
      int lineNumber = 0;
      for (String row : rows) {
        lineNumber++;
        if (!row.startsWith("split\t")) {
          out.add(parse(row, name + ":" + lineNumber));
        }
      }
    }
    return out;
  }

  static EvalQuestion parse(String row, String origin) {
    String[] cols = row.split("\t");
    if (cols.length != 4) {
      throw new IllegalArgumentException(origin + ": expected 4 tab-separated columns: " + row);
    }
    String split = cols[0].strip();
    if (!split.equals("dev") && !split.equals("test")) {
      throw new IllegalArgumentException(origin + ": split must be dev or test: " + split);
    }
    Language language =
        Language.fromTag(cols[1].strip())
            .orElseThrow(() -> new IllegalArgumentException(origin + ": bad language " + cols[1]));
    Set<String> expected = new LinkedHashSet<>();
    if (!cols[2].strip().equals("-")) {
      for (String id : cols[2].split("\\|")) {
        expected.add(id.strip());
      }
    }
    return new EvalQuestion(split, language, expected, cols[3].strip(), origin);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = EvaluationSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing evaluation resource " + resource);
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
