package io.jcors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces that every snippet in the README and the Javadoc is compiled and executed by a test.
 *
 * <p>The convention: each Java snippet, that is each {@code ```java} fence of {@code README.md} and
 * {@code docs/*.md} at the repository root and each {@code <pre>{@code ...}</pre>} block in any
 * module's {@code src/main/java}, appears verbatim (whitespace aside) inside a {@code @Test} method
 * of some {@code src/test/java} file of the repository, followed by assertions on its result. Code
 * before the snippet may declare what the snippet uses but does not declare itself. To change a
 * snippet, change the test that holds it in the same commit; this test names every snippet that no
 * test holds. Snippets of jcors-core live in {@link JavadocExamplesTest} and {@link
 * ExpressMappingExamplesTest}.
 */
class DocSnippetsTest {
  private static final Pattern JAVADOC_SNIPPET =
      Pattern.compile("<pre>\\{@code\\R(.*?)\\R\\s*\\*\\s*\\}</pre>", Pattern.DOTALL);
  private static final Pattern MARKDOWN_SNIPPET =
      Pattern.compile("^```java[ \\t]*\\R(.*?)^```[ \\t]*$", Pattern.DOTALL | Pattern.MULTILINE);

  DocSnippetsTest() {}

  /** A snippet and where it was found. */
  record Snippet(String where, String code) {}

  /** The repository root: the parent of this module's directory (Maven runs tests there). */
  static Path root() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("pom.xml")).as("repository root at %s", root).exists();
    return root;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The modules' source directories: every {@code <root>/<module>/src/<kind>/java}. */
  static List<Path> sourceDirs(Path root, String kind) {
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .map(m -> m.resolve("src").resolve(kind).resolve("java"))
          .filter(Files::isDirectory)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Snippet> javadocSnippets(Path root) {
    List<Snippet> snippets = new ArrayList<>();
    for (Path dir : sourceDirs(root, "main")) {
      for (Path file : files(dir, ".java")) {
        Matcher m = JAVADOC_SNIPPET.matcher(read(file));
        while (m.find()) {
          StringBuilder code = new StringBuilder();
          for (String line : m.group(1).split("\\R")) {
            code.append(line.replaceFirst("^\\s*\\* ?", "")).append('\n');
          }
          String text = code.toString().replace("&#64;", "@");
          snippets.add(new Snippet(root.relativize(file) + " (Javadoc)", text));
        }
      }
    }
    return snippets;
  }

  static List<Snippet> markdownSnippets(Path root) {
    List<Path> documents = new ArrayList<>();
    if (Files.isRegularFile(root.resolve("README.md"))) {
      documents.add(root.resolve("README.md"));
    }
    documents.addAll(files(root.resolve("docs"), ".md"));
    List<Snippet> snippets = new ArrayList<>();
    for (Path document : documents) {
      Matcher m = MARKDOWN_SNIPPET.matcher(read(document));
      while (m.find()) {
        snippets.add(new Snippet(root.relativize(document).toString(), m.group(1)));
      }
    }
    return snippets;
  }

  /** Whitespace removed: formatters may break lines and indent differently. */
  static String normalize(String code) {
    return code.replaceAll("\\s+", "");
  }

  static String testSources(Path root) {
    StringBuilder all = new StringBuilder();
    for (Path dir : sourceDirs(root, "test")) {
      for (Path file : files(dir, ".java")) {
        all.append(normalize(read(file))).append('\u0000');
      }
    }
    return all.toString();
  }

  @Test
  void everySnippet_isHeldByATest() {
    Path root = root();
    List<Snippet> snippets = new ArrayList<>(javadocSnippets(root));
    snippets.addAll(markdownSnippets(root));
    String tests = testSources(root);
    List<String> missing = new ArrayList<>();
    for (Snippet snippet : snippets) {
      if (!tests.contains(normalize(snippet.code()))) {
        missing.add(snippet.where() + ":\n" + snippet.code());
      }
    }
    assertThat(missing)
        .as("snippets that no test in */src/test/java holds (see DocSnippetsTest's comment)")
        .isEmpty();
  }

  @Test
  void extraction_findsTheCoreJavadocSnippets() {
    List<Snippet> core =
        javadocSnippets(root()).stream().filter(s -> s.where().startsWith("jcors-core")).toList();
    assertThat(core).hasSizeGreaterThanOrEqualTo(13);
    assertThat(core)
        .anySatisfy(
            s ->
                assertThat(s.code())
                    .startsWith("Origins origins =\n    Origins.of(")
                    .doesNotContain("*   "));
  }

  @Test
  void extraction_readsJavaFencesOnly() {
    Matcher m =
        MARKDOWN_SNIPPET.matcher(
            "text\n```json\n{\"origin\": true}\n```\n```java\nint x = 1;\n```\n```\nplain\n```\n");
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    assertThat(found).containsExactly("int x = 1;\n");
  }
}
