package io.jcors.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The code examples of the docs and of the Javadoc, for the tests that prove each example appears,
 * as written, in a test that runs it: compare {@link #withoutIndentation} of both, so that an
 * example may sit at any depth of the test.
 */
public final class DocSnippets {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final Pattern JAVADOC_EXAMPLE =
      Pattern.compile("<pre>\\{@code\n(.*?)\n \\* }</pre>", Pattern.DOTALL);

  private DocSnippets() {}

  /** The contents of each {@code ```java} block of a Markdown text, in order. */
  public static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(markdown);
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  /**
   * The first {@code <pre>{@code ...}</pre>} example in the Javadoc of a Java source file, without
   * the {@code " * "} that starts each of its lines.
   *
   * @throws AssertionError when the file has no such example
   */
  public static String javadocExample(Path javaFile) throws IOException {
    Matcher example = JAVADOC_EXAMPLE.matcher(Files.readString(javaFile, StandardCharsets.UTF_8));
    if (!example.find()) {
      throw new AssertionError("no <pre>{@code ...}</pre> example in the Javadoc of " + javaFile);
    }
    return example
        .group(1)
        .lines()
        .map(line -> line.replaceFirst("^ \\* ?", ""))
        .collect(Collectors.joining("\n"));
  }

  /** The non-blank lines of {@code code}, each stripped of its indentation. */
  public static String withoutIndentation(String code) {
    return code.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
